import { describe, expect, it } from "vitest";
import { MAX_TASK_CHARS } from "@/server/orchestrator/spec";
import { chatCompletionSchema, paramOf } from "./schema";

/** The first problem as the gateway words it: the OpenAI parameter path and the message. */
function firstProblem(body: unknown): { param: string; message: string } | undefined {
  const parsed = chatCompletionSchema.safeParse(body);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return issue && { param: paramOf(issue.path), message: issue.message };
}

const user = (content: string) => ({ role: "user", content });

describe("the chat-completions request schema", () => {
  it("names the limit a request goes past, not what the field is for", () => {
    expect(firstProblem({ model: "auto", messages: Array.from({ length: 1001 }, () => user("hi")) })).toEqual({ param: "messages", message: "must contain at most 1000 messages" });
    expect(firstProblem({ model: "m".repeat(201), messages: [user("hi")] })).toEqual({ param: "model", message: "must be at most 200 characters" });
    expect(firstProblem({ model: "auto", messages: [user("hi")], models: ["x".repeat(201)] })).toEqual({ param: "models[0]", message: "must be at most 200 characters" });
  });

  it("holds each message to the task text limit, text parts counted together", () => {
    const over = MAX_TASK_CHARS + 1;
    expect(firstProblem({ model: "auto", messages: [user("x".repeat(over))] })).toEqual({
      param: "messages[0].content",
      message: `must be at most 100,000 characters (got ${over.toLocaleString("en")})`,
    });
    const half = "y".repeat(MAX_TASK_CHARS / 2 + 1);
    const parts = { role: "user", content: [{ type: "text", text: half }, { type: "text", text: half }] };
    expect(firstProblem({ model: "auto", messages: [user("ok"), parts] })?.param).toBe("messages[1].content");
    expect(firstProblem({ model: "auto", messages: [user("x".repeat(MAX_TASK_CHARS))] })).toBeUndefined();
  });
});

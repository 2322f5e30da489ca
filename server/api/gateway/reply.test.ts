import { describe, expect, it } from "vitest";
import { createHarness } from "../testing/harness";
import { chatCompletions } from "./chat-completions";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { TaskEventBus } from "@/server/services/event-bus";
import { followTask } from "./follow";
import { answeringStep, finishReasonOf } from "./reply";

/** The trace the gateway folds from these events (published as the engine publishes them). */
async function traceOf(events: TaskEvent[]) {
  const bus = new TaskEventBus();
  const follow = followTask(bus, "t");
  for (const event of [...events, { type: "task.completed", taskId: "t", status: "completed" } as const]) bus.publish("t", { at: 0, event });
  return follow.done;
}

const completed = (stepIndex: number, modelId: string, finishReason?: "stop" | "length" | "content-filter"): TaskEvent => ({
  type: "step.completed",
  taskId: "t",
  stepIndex,
  modelId,
  output: `from ${modelId}`,
  inputTokens: 1,
  outputTokens: 1,
  costUsd: 0,
  latencyMs: 1,
  ...(finishReason ? { finishReason } : {}),
});
const toResult = (stepIndex: number): TaskEvent => ({ type: "message.sent", taskId: "t", from: `step:${stepIndex}`, to: "result", kind: "response", content: "x", tokens: 1 });

describe("the answering step and its finish_reason", () => {
  it("is the step the engine sent to the result, not the last one: a cascade's accepted tier, not its verifier", async () => {
    const trace = await traceOf([completed(0, "tier", "length"), completed(1, "verifier", "stop"), toResult(0)]);
    expect(answeringStep(trace)).toMatchObject({ stepIndex: 0, modelId: "tier" });
    expect(finishReasonOf(answeringStep(trace))).toBe("length");
  });

  it("is a vote's answer: the first winning voter sent to the result", async () => {
    const trace = await traceOf([completed(0, "a"), completed(1, "b", "content-filter"), completed(2, "c"), toResult(1), toResult(2)]);
    expect(answeringStep(trace)?.modelId).toBe("b");
    expect(finishReasonOf(answeringStep(trace))).toBe("content_filter");
  });

  it("is the last completed step when no result message was seen, and 'stop' for steps recorded without a reason", async () => {
    const trace = await traceOf([completed(0, "a", "length"), completed(1, "b")]);
    expect(answeringStep(trace)?.modelId).toBe("b");
    expect(finishReasonOf(answeringStep(trace))).toBe("stop");
    expect(finishReasonOf(undefined)).toBe("stop");
  });
});

describe("a routed chain's answer, through the gateway", () => {
  it.each(["cascade", "pipeline", "vote"])("ensemble/%s names the model of the task's answer (the row's model)", async (strategy) => {
    const h = await createHarness();
    const key = h.services.apiKeys.create({ name: "routed" }).key;
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, "content-type": "application/json", "x-ensemble-cache": "off" };
    const body = { model: `ensemble/${strategy}`, messages: [{ role: "user", content: "What is the capital of France? Answer briefly." }] };
    const reply = await chatCompletions(h.services, {
      header: (name) => headers[name] ?? null,
      readBody: () => Promise.resolve(Buffer.from(JSON.stringify(body))),
      onAbort: () => () => undefined,
    });
    expect(reply.status).toBe(200);
    const answer = JSON.parse(reply.body as string) as { model: string; choices: Array<{ finish_reason: string }> };
    const task = h.services.tasks.get(reply.headers["x-ensemble-task-id"] ?? "");
    expect(task.steps.length).toBeGreaterThan(1);
    expect(answer.model).toBe(task.modelId);
    expect(answer.choices[0]?.finish_reason).toBe("stop");
  });
});

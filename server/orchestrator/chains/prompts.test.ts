import { describe, expect, it } from "vitest";
import type { ChainStep, ChatMessage, ModelChain, OutputFormat, TaskEvent } from "../spec";
import { makeTask, runChain, step, type TestModel } from "../testing";
import { answerMessages, CONVERSATION_LABEL, formatInstruction, quoteTask, taskMessages } from "./prompts";

/** A gateway caller's chat: the answer (12) needs the system prompt and the earlier turns. */
const PROMPT = "Calculate x + y. Reply with just the number.";
const conversation: ChatMessage[] = [
  { role: "system", content: "x is 7" },
  { role: "user", content: "Remember y equals 5" },
  { role: "assistant", content: "Noted: y is 5." },
  { role: "user", content: PROMPT },
];
const chat = { prompt: PROMPT, messages: conversation };

describe("answerMessages", () => {
  it("is taskMessages for a prompt-only task (dashboard, CLI)", () => {
    expect(answerMessages({ prompt: "hi" }, "short-answer")).toEqual(taskMessages("hi", "short-answer"));
    expect(answerMessages({ prompt: "hi", messages: [] }, "json", { verbatim: true })).toEqual(taskMessages("hi", "json"));
  });

  it("puts the format instruction first, then the caller's messages as they are", () => {
    expect(answerMessages(chat, "short-answer")).toEqual([{ role: "system", content: formatInstruction("short-answer") }, ...conversation]);
    expect(answerMessages(chat, "text")).toEqual(conversation);
    expect(answerMessages(chat, "json", { verbatim: true })).toEqual(conversation);
  });
});

describe("quoteTask", () => {
  it("quotes the prompt alone for a prompt-only task, or a one-message conversation", () => {
    expect(quoteTask({ prompt: "hi" }, "Task")).toBe("Task:\nhi");
    expect(quoteTask({ prompt: "hi" })).toBe("hi");
    expect(quoteTask({ prompt: "hi", messages: [{ role: "user", content: "hi" }] })).toBe("hi");
  });

  it("puts the conversation's other messages first, as a labelled block, leaving out the quoted one", () => {
    const expected = `${CONVERSATION_LABEL}\n<system>\nx is 7\n</system>\n<user>\nRemember y equals 5\n</user>\n<assistant>\nNoted: y is 5.\n</assistant>`;
    expect(quoteTask(chat, "Question")).toBe(`${expected}\n\nQuestion:\n${PROMPT}`);
    expect(quoteTask(chat)).toBe(`${expected}\n\nLatest user message:\n${PROMPT}`);
  });

  it("leaves out only the last user message when an earlier one has the same text", () => {
    const repeated: ChatMessage[] = [{ role: "user", content: "again?" }, { role: "assistant", content: "no" }, { role: "user", content: "again?" }];
    expect(quoteTask({ prompt: "again?", messages: repeated }, "Task")).toBe(`${CONVERSATION_LABEL}\n<user>\nagain?\n</user>\n<assistant>\nno\n</assistant>\n\nTask:\nagain?`);
  });
});

/**
 * Every strategy, run on the conversation: every model call must see the caller's system prompt and earlier turns
 * (they once got the last user message alone, so "auto" — which picks these strategies itself — lost the chat).
 */
describe("every strategy sees the caller's conversation", () => {
  const reply = (text: string): TestModel => ({ script: { text } });
  const cases: Array<{ strategy: ModelChain["strategy"]; steps: ChainStep[]; models: Record<string, TestModel>; format: OutputFormat; calls: number }> = [
    { strategy: "single", steps: [step("answer", "a")], models: { a: reply("12") }, format: "text", calls: 1 },
    {
      strategy: "cascade",
      steps: [step("answer", "cheap"), step("answer", "big"), step("verifier", "judge")],
      models: { cheap: reply("Answer: 11"), big: reply("Answer: 12"), judge: { script: [{ text: "NO" }, { text: "YES" }] } },
      format: "short-answer",
      calls: 4,
    },
    {
      strategy: "cascade",
      steps: [step("answer", "a"), step("answer", "b"), step("answer", "c")],
      models: { a: reply("Answer: 11"), b: reply("Answer: 12"), c: reply("Answer: 12") },
      format: "short-answer",
      calls: 3,
    },
    {
      strategy: "mixture",
      steps: [step("proposer", "p1"), step("proposer", "p2"), step("aggregator", "agg")],
      models: { p1: reply("12"), p2: reply("13"), agg: reply("12") },
      format: "text",
      calls: 3,
    },
    { strategy: "vote", steps: [step("voter", "a"), step("voter", "b"), step("voter", "c")], models: { a: reply("Answer: 12"), b: reply("Answer: 12"), c: reply("Answer: 2") }, format: "text", calls: 3 },
    {
      strategy: "pipeline",
      steps: [step("draft", "writer"), step("critique", "critic"), step("revise", "editor")],
      models: { writer: reply("Answer: 12"), critic: reply("Fine."), editor: reply("Answer: 12") },
      format: "short-answer",
      calls: 3,
    },
  ];

  for (const c of cases) {
    it(`${c.strategy} (${c.steps.map((s) => s.role).join(", ")})`, async () => {
      const { outcome, error, t } = await runChain(c.strategy, c.steps, c.models, {
        format: c.format,
        extra: { task: makeTask({ prompt: PROMPT, messages: conversation }) },
      });
      expect(error).toBeUndefined();
      expect(outcome?.result.text).toMatch(/12/);
      const started = t.events.filter((e): e is Extract<TaskEvent, { type: "step.started" }> => e.type === "step.started");
      expect(started).toHaveLength(c.calls);
      for (const { role, input } of started) {
        const text = input.map((m) => m.content).join("\n");
        for (const m of conversation) expect(text, `${role} sees "${m.content}"`).toContain(m.content);
        // system messages only lead the list: no provider rejects a system message after a user turn
        const firstOther = input.findIndex((m) => m.role !== "system");
        expect(input.slice(firstOther).every((m) => m.role !== "system"), `${role}: ${JSON.stringify(input)}`).toBe(true);
        if (["answer", "voter", "proposer", "draft"].includes(role)) {
          // an answering call gets the conversation itself, behind the format instruction when there is one
          expect(input.slice(-conversation.length), role).toEqual(conversation);
          expect(input.length - conversation.length, role).toBe(c.strategy === "single" ? 0 : formatInstruction(c.strategy === "vote" ? "short-answer" : c.format) ? 1 : 0);
        } else {
          // Ensemble words these calls itself: its own system prompt first, the conversation as a labelled block
          expect(input[0]?.role, role).toBe("system");
          expect(input.filter((m) => m.role === "system"), role).toHaveLength(1);
          expect(input.at(-1)?.content, role).toContain(CONVERSATION_LABEL);
          expect(input.at(-1)?.content, role).toContain(PROMPT);
        }
      }
    });
  }
});

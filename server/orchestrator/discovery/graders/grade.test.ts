import { describe, expect, it } from "vitest";
import type { GenerateResult } from "../../spec";
import { AnswerKeyBook } from "../answer-keys";
import type { SuiteItem } from "../suite-types";
import { gradeItem } from "./grade";

function reply(text: string, simulatedTruth?: GenerateResult["simulatedTruth"], finishReason: GenerateResult["finishReason"] = "stop"): GenerateResult {
  return { text, usage: { inputTokens: 10, outputTokens: 5 }, finishReason, latencyMs: 100, ...(simulatedTruth ? { simulatedTruth } : {}) };
}

const keyedItem: SuiteItem = {
  id: "math.test.01",
  capability: "math",
  prompt: "What is 6 * 7? Answer with the number only.",
  grader: { kind: "numeric", tolerance: 0 },
  expected: "42",
};
const book = new AnswerKeyBook();
book.register({ capability: "math", prompt: keyedItem.prompt, answer: "42", wrongAnswers: ["41", "43"] });

const poemItem: SuiteItem = { id: "writing.test.01", capability: "writing", prompt: "Write a haiku about tea.", grader: { kind: "rubric", criteria: "A haiku about tea." } };
const jsonItem: SuiteItem = {
  id: "extraction.test.01",
  capability: "extraction",
  prompt: "Extract the city as JSON.",
  grader: { kind: "json", schema: { properties: { city: { type: "string" } }, required: ["city"] }, expected: { city: "Oslo" } },
};

describe("gradeItem", () => {
  it("grades a real model's reply with the item's grader", async () => {
    expect(await gradeItem(keyedItem, reply("Answer: 42"), { answerKeys: book })).toMatchObject({ pass: true, method: "grader" });
    expect(await gradeItem(jsonItem, reply('{"city": "Bergen"}'), { answerKeys: book })).toMatchObject({ pass: false, method: "grader" });
  });

  it("grades a simulated model's templated reply to an unkeyed item by its hidden truth", async () => {
    const right = await gradeItem(poemItem, reply("A piece on tea: ...", { correct: true, capability: "writing" }), { answerKeys: book });
    expect(right).toMatchObject({ pass: true, score: 1, method: "simulated-truth" });
    expect(right.detail).toMatch(/simulated models only/);
    const wrong = await gradeItem(jsonItem, reply('{"answer": "alpha"}', { correct: false, capability: "extraction" }), { answerKeys: book });
    expect(wrong).toMatchObject({ pass: false, score: 0, method: "simulated-truth" });
    // no judge port is needed on this path: the hidden truth replaces the judge for simulated models
  });

  it("grades a simulated model's keyed reply for real", async () => {
    const correct = await gradeItem(keyedItem, reply('{"answer":"42"}', { correct: true, capability: "math" }), { answerKeys: book });
    expect(correct).toMatchObject({ pass: true, method: "grader" });
    const slip = await gradeItem(keyedItem, reply("Answer: 43", { correct: false, capability: "math" }), { answerKeys: book });
    expect(slip).toMatchObject({ pass: false, method: "grader" });
  });

  it("reports a keyed item whose grade contradicts the simulator's truth as broken", async () => {
    const badExpected: SuiteItem = { ...keyedItem, expected: "43" };
    const result = await gradeItem(badExpected, reply("42", { correct: true, capability: "math" }), { answerKeys: book });
    expect(result).toMatchObject({ broken: true, pass: false });
    expect(result.detail).toMatch(/math\.test\.01/);
    // a reply cut at the token limit may fail for real: that is not the item's fault
    expect(await gradeItem(keyedItem, reply("4", { correct: true, capability: "math" }, "length"), { answerKeys: book })).toMatchObject({ pass: false, method: "grader" });
  });

  it("reports a truth drawn for another capability as broken", async () => {
    const result = await gradeItem(poemItem, reply("Sure, let's talk", { correct: true, capability: "chat" }), { answerKeys: book });
    expect(result).toMatchObject({ broken: true });
    expect(result.detail).toMatch(/capabilityHint/);
  });

  it("reports invalid items, throwing graders and missing ports as broken, never throws", async () => {
    const invalid = { ...keyedItem, expected: "forty-two" };
    const a = await gradeItem(invalid, reply("42"), { answerKeys: book });
    expect(a).toMatchObject({ broken: true, pass: false, score: 0 });
    expect(a.detail).toMatch(/item math\.test\.01 is invalid: .*not a number/);

    const garbage = { id: "x.1", capability: "nonsense" } as unknown as SuiteItem;
    expect(await gradeItem(garbage, reply("1"))).toMatchObject({ broken: true });

    const code: SuiteItem = { id: "code.test.01", capability: "code", prompt: "Write f.", grader: { kind: "code", language: "javascript", functionName: "f", cases: [{ args: [], expected: 1 }] } };
    const thrown = await gradeItem(code, reply("function f() { return 1; }"), {
      answerKeys: book,
      runCode: async () => {
        throw new Error("sandbox exploded");
      },
    });
    expect(thrown).toMatchObject({ broken: true, detail: "item code.test.01: grader failed: sandbox exploded" });
    expect(await gradeItem(poemItem, reply("A poem"), { answerKeys: book })).toMatchObject({ broken: true, detail: expect.stringMatching(/writing\.test\.01: no judge/) });
  });
});

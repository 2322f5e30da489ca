import { describe, expect, it } from "vitest";
import { CAPABILITIES, type GenerateResult } from "../../spec";
import { builtinAnswerKeys, generateBuiltinAnswerKeys, normalisePrompt } from "../answer-keys";
import { gradeText } from "../graders/grade";
import { builtinSuites, gradeItem, suiteFor } from "../index";
import { KEYED_GRADER_KINDS, suiteSchema } from "../suite-types";
import { allBuiltinEntries } from "./catalog";
import { suiteAnswerKeys } from "./answer-keys";

const suites = builtinSuites();
const stop = (text: string, simulatedTruth?: GenerateResult["simulatedTruth"]): GenerateResult => ({
  text,
  usage: { inputTokens: 1, outputTokens: 1 },
  finishReason: "stop",
  latencyMs: 1,
  ...(simulatedTruth ? { simulatedTruth } : {}),
});

describe("built-in suites", () => {
  it("has one valid suite per capability with at least 40 distinct items", () => {
    const counts = Object.fromEntries(suites.map((s) => [s.capability, s.items.length]));
    const byGrader = Object.fromEntries(suites.map((s) => [s.capability, [...new Set(s.items.map((i) => i.grader.kind))].join("+")]));
    console.log("built-in suite items per capability:", counts);
    console.log("graders per capability:", byGrader);
    expect(suites.map((s) => s.capability)).toEqual([...CAPABILITIES]);
    for (const suite of suites) {
      expect(suiteSchema.safeParse(suite).success, suite.id).toBe(true);
      expect(suite.builtin).toBe(true);
      expect(suite.items.length, suite.capability).toBeGreaterThanOrEqual(40);
      const prompts = new Set(suite.items.map((i) => normalisePrompt(i.prompt)));
      expect(prompts.size, `${suite.capability} prompts are distinct`).toBe(suite.items.length);
    }
    expect(suiteFor("math")).toEqual(suites[0]);
  });

  it("gives every item an id unique across all suites", () => {
    const ids = suites.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[\w-]+\.\d{2}$/);
  });

  it("is the same on every generation", () => {
    expect(builtinSuites()).toEqual(suites);
  });

  it("uses the agreed grader for each capability", () => {
    const kinds: Record<string, string[]> = {
      math: ["numeric"],
      code: ["code"],
      reasoning: ["exact", "numeric"],
      knowledge: ["exact"],
      classification: ["label"],
      extraction: ["json"],
      translation: ["chrf"],
      summarization: ["chrf"],
      writing: ["rubric"],
      roleplay: ["rubric"],
      brainstorming: ["rubric"],
      chat: ["rubric"],
    };
    for (const suite of suites) {
      for (const item of suite.items) expect(kinds[suite.capability], item.id).toContain(item.grader.kind);
    }
  });
});

describe("answer keys of the built-in suites", () => {
  const keyedItems = suites.flatMap((s) => s.items).filter((i) => KEYED_GRADER_KINDS.includes(i.grader.kind));
  const unkeyedItems = suites.flatMap((s) => s.items).filter((i) => !KEYED_GRADER_KINDS.includes(i.grader.kind));

  it("finds every keyed item's prompt in the shared book, with its expected answer", () => {
    console.log(`keyed items: ${keyedItems.length}, unkeyed items: ${unkeyedItems.length}`);
    for (const item of keyedItems) {
      const key = builtinAnswerKeys.lookup(item.prompt);
      expect(key, item.id).toBeDefined();
      expect(key?.answer, item.id).toBe(item.expected);
      expect(key?.capability, item.id).toBe(item.capability);
    }
    expect(suiteAnswerKeys()).toHaveLength(keyedItems.length);
    expect(builtinAnswerKeys.size).toBe(generateBuiltinAnswerKeys().length);
  });

  it("leaves code, JSON, chrF and rubric items unkeyed, so simulated models are graded by their truth there", () => {
    for (const item of unkeyedItems) expect(builtinAnswerKeys.lookup(item.prompt), item.id).toBeUndefined();
  });

  it("passes each keyed item's answer and fails every wrong answer, in every format the simulator uses", async () => {
    const entries = allBuiltinEntries().filter((e) => e.wrongAnswers !== undefined);
    for (const { item, wrongAnswers } of entries) {
      const answer = item.expected ?? "";
      for (const render of [(a: string) => a, (a: string) => `Answer: ${a}`, (a: string) => JSON.stringify({ answer: a })]) {
        expect((await gradeText(item, render(answer), {})).pass, `${item.id} answer ${render(answer)}`).toBe(true);
        for (const wrong of wrongAnswers ?? []) expect((await gradeText(item, render(wrong), {})).pass, `${item.id} wrong ${render(wrong)}`).toBe(false);
      }
      expect(wrongAnswers?.length ?? 0, item.id).toBeGreaterThanOrEqual(1);
    }
  });

  it("fails two answers at once and negated answers on every exact and label item", async () => {
    const entries = allBuiltinEntries().filter((e) => e.item.grader.kind === "exact" || e.item.grader.kind === "label");
    let yesNo = 0;
    for (const { item, wrongAnswers } of entries) {
      const answer = item.expected ?? "";
      const wrong = wrongAnswers?.[0] ?? "Wrongville";
      const fails = [
        `Wrongville.\nThe answer is not ${answer}`,
        `${wrong}.\nThe answer is not ${answer}`,
        `${wrong}.\nThe answer is ${answer}`,
        `${answer}.\n${wrong}`,
        `It is definitely not ${answer}.`,
      ];
      if (item.grader.kind === "label") fails.push(`It is definitely not a ${answer}.`, `${answer} or ${wrong}`);
      if (answer === "yes" || answer === "no") {
        yesNo += 1;
        fails.push("Yes. No", "No. Yes");
      }
      for (const reply of fails) expect((await gradeText(item, reply, {})).pass, `${item.id} ${JSON.stringify(reply)}`).toBe(false);
      for (const reply of [`${answer}. That is my answer.`, `Answer: ${answer}`]) {
        expect((await gradeText(item, reply, {})).pass, `${item.id} ${JSON.stringify(reply)}`).toBe(true);
      }
      if (item.grader.kind === "label") expect((await gradeText(item, `${answer}, not ${wrong}`, {})).pass, item.id).toBe(true);
    }
    expect(yesNo).toBeGreaterThanOrEqual(16);
  });

  it("agrees with a simulated model's truth on keyed items (no item is reported broken)", async () => {
    for (const item of keyedItems) {
      const key = builtinAnswerKeys.lookup(item.prompt);
      const right = await gradeItem(item, stop(`Answer: ${key?.answer ?? ""}`, { correct: true, capability: item.capability }));
      const wrong = await gradeItem(item, stop(`Answer: ${key?.wrongAnswers[0] ?? ""}`, { correct: false, capability: item.capability }));
      expect(right, item.id).toMatchObject({ pass: true, method: "grader" });
      expect(wrong, item.id).toMatchObject({ pass: false, method: "grader" });
    }
  });
});

describe("item content", () => {
  it("computes arithmetic answers correctly", () => {
    const math = suiteFor("math").items;
    const check = (pattern: RegExp, compute: (n: number[]) => number) => {
      const matching = math.filter((i) => pattern.test(i.prompt));
      expect(matching.length).toBeGreaterThanOrEqual(8);
      for (const item of matching) {
        const numbers = [...(item.prompt.match(pattern) ?? [])].slice(1).map(Number);
        expect(Number(item.expected), item.prompt).toBe(compute(numbers));
      }
    };
    check(/What is (\d+)% of (\d+)\?/, ([p = 0, n = 0]) => (p * n) / 100);
    check(/travels at a steady (\d+) km\/h for (\d+) hours/, ([v = 0, t = 0]) => v * t);
    check(/average \(arithmetic mean\) of (\d+), (\d+) and (\d+)/, ([a = 0, b = 0, c = 0]) => (a + b + c) / 3);
    check(/^(\d+) apples are shared equally among (\d+) children/, ([n = 0, k = 0]) => n / k);
  });

  it("states ordering puzzles whose answer follows from the statements", () => {
    for (const item of suiteFor("reasoning").items.filter((i) => i.id.includes("ordering"))) {
      // rebuild the order from the statements and check the expected name
      const above = new Map<string, string>();
      for (const [, a, word, b] of item.prompt.matchAll(/(\w+) is (\w+) than (\w+)\./g)) {
        const more = ["taller", "older", "faster", "heavier"].includes(word ?? "");
        if (more) above.set(b ?? "", a ?? "");
        else above.set(a ?? "", b ?? "");
      }
      const names = new Set([...above.keys(), ...above.values()]);
      const top = [...names].find((n) => ![...above.keys()].includes(n)) ?? "";
      const order = [top];
      const below = new Map([...above].map(([lower, upper]) => [upper, lower]));
      while (below.has(order.at(-1) ?? "")) order.push(below.get(order.at(-1) ?? "") ?? "");
      const question = item.prompt.match(/Who is the (second )?(\w+)\?/);
      const mostWords = ["tallest", "oldest", "fastest", "heaviest"];
      const expected = question?.[1] ? order[1] : mostWords.includes(question?.[2] ?? "") ? order[0] : order.at(-1);
      expect(item.expected, item.prompt).toBe(expected);
    }
  });

  it("keeps the calendar arithmetic right", () => {
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    for (const item of suiteFor("reasoning").items.filter((i) => i.id.includes("weekday"))) {
      const [, start = "", n = "0"] = item.prompt.match(/today is (\w+), .* in (\d+) days/) ?? [];
      expect(item.expected).toBe(days[(days.indexOf(start) + Number(n)) % 7]);
    }
  });

  it("builds extraction texts that contain every expected string value", () => {
    for (const item of suiteFor("extraction").items) {
      if (item.grader.kind !== "json") throw new Error(item.id);
      for (const [field, value] of Object.entries(item.grader.expected)) {
        if (typeof value === "string" && field !== "date") expect(item.prompt, item.id).toContain(value);
        if (typeof value === "number") expect(item.prompt, item.id).toContain(String(value).split(".")[0]);
      }
    }
  });
});

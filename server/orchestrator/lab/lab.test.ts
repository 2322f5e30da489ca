import { describe, expect, it } from "vitest";
import { answersMatch } from "./agree";
import { aiq, hullAt, upperHull } from "./hull";
import { parseLabFiles } from "./parse";
import { cascade } from "./policies/cascade";
import { oracle } from "./policies/baselines";
import type { Call, PreparedItem } from "./prepare";
import { answerKey } from "./agree";
import type { TaskRequirements } from "../spec";

const requirements = { capabilities: { math: 1 }, primary: "math", format: "short-answer", inputTokens: 10, contextTokens: 10, constraints: {}, confidence: 1, evidence: [] } as unknown as TaskRequirements;

function item(calls: Record<string, [string | null, boolean, number]>): PreparedItem {
  const map = new Map<string, Call>(Object.entries(calls).map(([id, [answer, correct, costUsd]]) => [id, { answer, correct, costUsd, key: answerKey(answer) }]));
  return { id: "x", family: "gsm", split: "eval", requirements, calls: map };
}

describe("answersMatch", () => {
  it("compares numbers by value and structured answers by spelling", () => {
    expect(answersMatch("70,000", "70000")).toBe(true);
    expect(answersMatch("$5", "5.0")).toBe(true);
    expect(answersMatch("[1, 2, 3]", "(0, 3)")).toBe(false);
    expect(answersMatch("'abc'", "abc")).toBe(true);
    expect(answersMatch(null, null)).toBe(false);
  });
});

describe("hull and AIQ", () => {
  const pts = [
    { cost: 1, accuracy: 0.5 },
    { cost: 2, accuracy: 0.6 },
    { cost: 3, accuracy: 0.9 },
    { cost: 4, accuracy: 0.8 },
  ];
  it("keeps the upper convex, non-decreasing frontier", () => {
    expect(upperHull(pts)).toEqual([{ cost: 1, accuracy: 0.5 }, { cost: 3, accuracy: 0.9 }]);
    expect(hullAt(upperHull(pts), 2)).toBeCloseTo(0.7);
    expect(hullAt(upperHull(pts), 0.5)).toBeUndefined();
    expect(hullAt(upperHull(pts), 10)).toBeCloseTo(0.9);
  });
  it("integrates the curve over the range, 0 below the cheapest point", () => {
    expect(aiq([{ cost: 0, accuracy: 0.8 }], 0, 1)).toBeCloseTo(0.8);
    expect(aiq([{ cost: 0.5, accuracy: 0.8 }], 0, 1)).toBeCloseTo(0.4);
    expect(aiq([{ cost: 0, accuracy: 0 }, { cost: 1, accuracy: 1 }], 0, 1)).toBeCloseTo(0.5);
  });
});

describe("replayed cascade", () => {
  const c = { cheap: ["a", "b"] as [string, string], top: "t" };
  it("accepts agreeing cheap answers and pays only for them", () => {
    const [d] = cascade([item({ a: ["4", true, 1], b: ["4.0", true, 2], t: ["5", false, 100] })], c);
    expect(d).toEqual({ correct: true, costUsd: 3, models: ["a", "b"] });
  });
  it("escalates a disagreement and pays for every call", () => {
    const [d] = cascade([item({ a: ["4", false, 1], b: ["6", false, 2], t: ["5", true, 100] })], c);
    expect(d).toEqual({ correct: true, costUsd: 103, models: ["a", "b", "t"] });
  });
  it("accepts a middle tier that agrees with either cheap answer", () => {
    const [d] = cascade([item({ a: ["4", false, 1], b: ["6", true, 2], m: ["6", true, 10], t: ["5", false, 100] })], { ...c, middle: "m" });
    expect(d).toEqual({ correct: true, costUsd: 13, models: ["a", "b", "m"] });
  });
});

describe("oracle", () => {
  it("takes the cheapest right model, else the cheapest", () => {
    expect(oracle([item({ a: ["1", false, 1], b: ["2", true, 5], c: ["2", true, 9] })])[0]).toEqual({ correct: true, costUsd: 5, models: ["b"] });
    expect(oracle([item({ a: ["1", false, 3], b: ["2", false, 1] })])[0]).toEqual({ correct: false, costUsd: 1, models: ["b"] });
  });
});

describe("parseLabFiles", () => {
  const models = JSON.stringify([{ id: "m", inputUsdPerMTok: 1, outputUsdPerMTok: 2 }]);
  it("names the file and line of a bad row", () => {
    expect(() => parseLabFiles({ "items.jsonl": '{"id":"a","family":"f","prompt":"p"}\n{"id":"b","family":"f"}', "outcomes.jsonl": "", "models.json": models })).toThrow(
      /items\.jsonl line 2: prompt/,
    );
    expect(() => parseLabFiles({ "items.jsonl": '{"id":"a","family":"f","prompt":"p"}', "outcomes.jsonl": "{oops", "models.json": models })).toThrow(/outcomes\.jsonl line 1: not valid JSON/);
    expect(() =>
      parseLabFiles({ "items.jsonl": '{"id":"a","family":"f","prompt":"p"}', "outcomes.jsonl": '{"id":"a","model":"z","correct":true,"answer":"1","outputChars":3}', "models.json": models }),
    ).toThrow(/model "z" is not in models\.json/);
  });
});

import { describe, expect, it } from "vitest";
import { answersMatch } from "./agree";
import { aiq, hullAt, upperHull } from "./hull";
import { parseLabFiles } from "./parse";
import { cascade } from "./policies/cascade";
import { oracle } from "./policies/baselines";
import type { Call, PreparedItem } from "./prepare";
import { answerKey } from "./agree";
import type { TaskRequirements } from "../spec";
import { ALT_SPLIT_SEED, splitOf } from "./split";
import { evaluate } from "./evaluate";
import { candidateCascades, compileFor, planFor, planFrontier, planWithin, replayCompiled } from "./tune";

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
  const c = { answers: ["a", "b", "t"] };
  it("accepts agreeing cheap answers and pays only for them", () => {
    const [d] = cascade([item({ a: ["4", true, 1], b: ["4.0", true, 2], t: ["5", false, 100] })], c);
    expect(d).toEqual({ correct: true, costUsd: 3, models: ["a", "b"] });
  });
  it("escalates a disagreement and pays for every call", () => {
    const [d] = cascade([item({ a: ["4", false, 1], b: ["6", false, 2], t: ["5", true, 100] })], c);
    expect(d).toEqual({ correct: true, costUsd: 103, models: ["a", "b", "t"] });
  });
  it("accepts a middle tier that agrees with either cheap answer", () => {
    const [d] = cascade([item({ a: ["4", false, 1], b: ["6", true, 2], m: ["6", true, 10], t: ["5", false, 100] })], { answers: ["a", "b", "m", "t"] });
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

describe("agreement cascade over any number of tiers (chains/cascade.ts byAgreement)", () => {
  it("escalates one model at a time and accepts the first answer that agrees with any earlier one", () => {
    const [d] = cascade([item({ a: ["1", false, 1], b: ["2", false, 1], c: ["3", false, 1], d: ["1", false, 1], t: ["9", true, 100] })], { answers: ["a", "b", "c", "d", "t"] });
    expect(d).toEqual({ correct: false, costUsd: 4, models: ["a", "b", "c", "d"] });
  });
  it("skips a model with no recording (a failed call) and settles on the last parsed answer", () => {
    const [d] = cascade([item({ b: ["2", false, 1], c: ["3", true, 2], t: [null, false, 5] })], { answers: ["a", "b", "c", "t"] });
    expect(d).toEqual({ correct: true, costUsd: 8, models: ["b", "c", "t"] });
  });
});

describe("tuning search", () => {
  const models = ["a", "b", "c", "t"].map((id, i) => ({ id, inputUsdPerMTok: i + 1, outputUsdPerMTok: i + 1 }));
  // deterministic pseudo-random items: answers right with a model-specific rate, wrong answers drawn from 3 values
  const items: PreparedItem[] = Array.from({ length: 60 }, (_, n) => {
    const calls: Record<string, [string | null, boolean, number]> = {};
    models.forEach((m, i) => {
      const right = (n * (i + 3) + i) % 10 < 5 + i;
      calls[m.id] = [right ? "42" : n % 7 === i ? null : String((n + i) % 3), right, (i + 1) * 0.001];
    });
    return { ...item(calls), id: `q${n}`, requirements: { ...requirements, primary: n % 3 ? "math" : "code" } as TaskRequirements };
  });

  it("replays compiled items exactly as cascadeOne does, for every candidate", () => {
    const { compiled, index } = compileFor(items, models);
    for (const c of candidateCascades(items, models)) {
      const slow = cascade(items, c);
      const fast = replayCompiled(compiled, c.answers.map((id) => index.get(id) as number));
      expect(fast.correct).toBe(slow.filter((d) => d.correct).length);
      expect(fast.costUsd).toBeCloseTo(slow.reduce((s, d) => s + d.costUsd, 0), 12);
    }
  });

  it("picks per-capability plans on a cost–accuracy frontier and respects the budget", () => {
    const front = planFrontier(items, models);
    for (let i = 1; i < front.length; i++) {
      expect(front[i]!.costUsd).toBeGreaterThanOrEqual(front[i - 1]!.costUsd);
      expect(front[i]!.correct).toBeGreaterThan(front[i - 1]!.correct);
    }
    const budget = front[Math.floor(front.length / 2)]!.costUsd;
    const plan = planWithin(front, items.length, budget);
    expect(plan && plan.costUsd).toBeLessThanOrEqual(budget);
    expect(Object.keys(plan!.config.byGroup).sort()).toEqual(["*", "math"].sort());
    // the plan's own accounting matches replaying it item by item
    const replayed = items.map((it) => cascade([it], planFor(plan!.config, it))[0]!);
    expect(replayed.filter((d) => d.correct).length / items.length).toBeCloseTo(plan!.accuracy, 12);
    expect(planWithin(front, items.length, -1)).toBeUndefined();
  });
});

describe("splitOf", () => {
  it("is a fixed 50/50-ish split that changes with the salt", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `item-${i}`);
    const a = ids.map((id) => splitOf(id));
    const b = ids.map((id) => splitOf(id, ALT_SPLIT_SEED));
    const share = a.filter((s) => s === "tune").length / ids.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
    expect(a).toEqual(ids.map((id) => splitOf(id)));
    const same = a.filter((s, i) => s === b[i]).length / ids.length;
    expect(same).toBeGreaterThan(0.4);
    expect(same).toBeLessThan(0.6);
  });
});

describe("evaluate on a handful of items", () => {
  it("reports every policy, and skips the second split when one of its halves is empty", () => {
    const models = [
      { id: "a", inputUsdPerMTok: 1, outputUsdPerMTok: 1 },
      { id: "b", inputUsdPerMTok: 2, outputUsdPerMTok: 2 },
    ];
    const make = (id: string, split: "tune" | "eval") => ({ ...item({ a: ["1", true, 0.001], b: ["2", false, 0.002] }), id, split });
    // all four land on one side of the second split's salt: pick ids by that salt
    const ids = Array.from({ length: 400 }, (_, i) => `x${i}`).filter((id) => splitOf(id, ALT_SPLIT_SEED) === "tune");
    const items = [make(ids[0]!, "tune"), make(ids[1]!, "tune"), make(ids[2]!, "eval"), make(ids[3]!, "eval")];
    const report = evaluate({ items, models });
    expect(report.policies.map((p) => p.name)).toEqual(expect.arrayContaining(["balanced", "a", "b", "oracle", "zero-router"]));
    expect(report.secondSplit).toBeUndefined();
    // every cascade pays for both models, more than 30% of the best single model: no plan fits under the cap
    expect(report.ceiling).toBeUndefined();
    expect(report.policies.find((p) => p.name === "a")?.accuracy).toBe(1);
  });
});

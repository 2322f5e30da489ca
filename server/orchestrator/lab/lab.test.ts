import { describe, expect, it } from "vitest";
import { answersMatch } from "./agree";
import { aiq, hullAt, upperHull } from "./hull";
import { parseLabFiles } from "./parse";
import { checkRunnable, prepare } from "./prepare";
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

describe("lab data validation (import and run apply the same rules)", () => {
  const row = (o: object) => JSON.stringify(o);
  const itemRows = (ids: string[]) => ids.map((id) => row({ id, family: "f", prompt: `p ${id}` }));
  const outcomeRows = (ids: string[], model = "m") => ids.map((id) => row({ id, model, correct: true, answer: "1", outputChars: 3 }));
  const oneModel = row([{ id: "m", inputUsdPerMTok: 1, outputUsdPerMTok: 2 }]);
  const files = (items: string[], outcomes: string[], models = oneModel) => ({ "items.jsonl": items.join("\n"), "outcomes.jsonl": outcomes.join("\n"), "models.json": models });
  const errorOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("did not throw");
  };

  it("refuses a duplicate item id, naming the line and the first line", () => {
    expect(errorOf(() => parseLabFiles(files([...itemRows(["q-1", "q-2", "q-3"]), "", ...itemRows(["q-3"])], outcomeRows(["q-1"]))))).toBe(
      'items.jsonl line 5: id: duplicate item id "q-3" (first on line 3)',
    );
  });

  it("refuses a duplicate model id in models.json, naming the line and the first line", () => {
    const models = `[\n  {"id":"m","inputUsdPerMTok":1,"outputUsdPerMTok":2},\n  {"id":"n","inputUsdPerMTok":1,"outputUsdPerMTok":2},\n  {"id":"m","inputUsdPerMTok":3,"outputUsdPerMTok":4}\n]`;
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), outcomeRows(["a"]), models)))).toBe('models.json line 4: id: duplicate model id "m" (first on line 2)');
  });

  it("refuses a duplicate (item, model) outcome instead of keeping the last", () => {
    const outcomes = [...outcomeRows(["a", "b"]), "", row({ id: "a", model: "m", correct: false, answer: "2", outputChars: 3 })];
    expect(errorOf(() => parseLabFiles(files(itemRows(["a", "b"]), outcomes)))).toBe('outcomes.jsonl line 4: duplicate outcome for item "a" and model "m" (first on line 1)');
  });

  it("caps prices at the roster's maximum, naming the model's line and field", () => {
    const models = `[\n  {"id":"a","inputUsdPerMTok":1e308,"outputUsdPerMTok":1e308}\n]`;
    expect(errorOf(() => parseLabFiles(files(itemRows(["x"]), outcomeRows(["x"], "a"), models)))).toBe(
      "models.json line 2: inputUsdPerMTok: must be at most 10,000; outputUsdPerMTok: must be at most 10,000",
    );
    // several models on one line: which one
    const compact = row([{ id: "a", inputUsdPerMTok: 1, outputUsdPerMTok: 1 }, { id: "b", inputUsdPerMTok: -1, outputUsdPerMTok: 1 }]);
    expect(errorOf(() => parseLabFiles(files(itemRows(["x"]), outcomeRows(["x"], "a"), compact)))).toBe("models.json line 1 (model 2): inputUsdPerMTok: must be at least 0");
  });

  it("names the file once, and reports file lines (not row numbers) across files", () => {
    expect(errorOf(() => parseLabFiles(files(["{oops"], [])))).toBe("items.jsonl line 1: not valid JSON");
    // blank lines before the bad row: line 6 of the file is its 3rd row
    const outcomes = ["", ...outcomeRows(["a"]), "", "", "", row({ id: "zz", model: "m", correct: true, answer: "1", outputChars: 3 })];
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), outcomes)))).toBe('outcomes.jsonl line 6: id: item "zz" is not in items.jsonl');
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), ["", "", row({ id: "a", model: "z", correct: true, answer: "1", outputChars: 3 })])))).toBe(
      'outcomes.jsonl line 3: model: model "z" is not in models.json',
    );
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), outcomeRows(["a"]), "[\n {\"id\": \"m\",\n }\n]")))).toMatch(/^models\.json( line 3)?: not valid JSON$/);
  });

  it("reads files that start with a UTF-8 byte-order mark", () => {
    const bom = "\uFEFF";
    const data = parseLabFiles({ "items.jsonl": bom + itemRows(["a"]).join("\n"), "outcomes.jsonl": bom + outcomeRows(["a"]).join("\n"), "models.json": bom + oneModel });
    expect(data.items.map((i) => i.id)).toEqual(["a"]);
    expect(data.outcomes).toHaveLength(1);
    expect(data.models.map((m) => m.id)).toEqual(["m"]);
  });

  it("words an empty file the same way in every file", () => {
    expect(errorOf(() => parseLabFiles(files([" ", ""], outcomeRows(["a"]))))).toBe("items.jsonl: is empty");
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), [""])))).toBe("outcomes.jsonl: is empty");
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), outcomeRows(["a"]), "  \n")))).toBe("models.json: is empty");
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), outcomeRows(["a"]), "[]")))).toBe("models.json: needs at least one model");
  });

  it("says a missing field is required, in the project's wording", () => {
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), [row({ id: "a", model: "m", correct: true, outputChars: 3 })])))).toBe("outcomes.jsonl line 1: answer: is required");
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), [row({ id: "a", model: "m", answer: "1", outputChars: 3 })])))).toBe("outcomes.jsonl line 1: correct: is required");
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), [row({ id: "a", model: "m", correct: true, answer: {}, outputChars: 3 })])))).toBe(
      "outcomes.jsonl line 1: answer: must be text, a number or null",
    );
    expect(errorOf(() => parseLabFiles(files(itemRows(["a"]), outcomeRows(["a"]), row([{ id: "m", outputUsdPerMTok: 1 }]))))).toBe("models.json line 1: inputUsdPerMTok: is required");
  });

  it("prepare() applies the same rules to data built in memory (Ensemble's history), before analysing a prompt", () => {
    const analyze = () => requirements;
    const base = { items: [{ id: "a", family: "f", prompt: "p" }], models: [{ id: "m", inputUsdPerMTok: 1, outputUsdPerMTok: 2 }] };
    const outcome = { id: "a", model: "m", correct: true, answer: "1", outputChars: 3 };
    expect(errorOf(() => prepare({ ...base, outcomes: [outcome, { ...outcome, correct: false }] }, analyze))).toBe('outcomes row 2: duplicate outcome for item "a" and model "m" (first in row 1)');
    expect(errorOf(() => prepare({ ...base, items: [...base.items, ...base.items], outcomes: [outcome] }, analyze))).toBe('items row 2: id: duplicate item id "a" (first in row 1)');
    expect(errorOf(() => prepare({ ...base, models: [{ id: "m", inputUsdPerMTok: 1e308, outputUsdPerMTok: 1e308 }], outcomes: [outcome] }, analyze))).toMatch(
      /^models row 1: inputUsdPerMTok: must be at most 10,000/,
    );
  });

  it("refuses a set whose items all fall in one half of the split (the run could not tune and score)", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `x${i}`);
    const oneHalf = ids.filter((id) => splitOf(id) === "tune").slice(0, 5);
    const items = oneHalf.map((id) => ({ id, family: "f", prompt: "p" }));
    const data = { items, outcomes: [], models: [{ id: "m", inputUsdPerMTok: 1, outputUsdPerMTok: 1 }] };
    expect(errorOf(() => checkRunnable(data))).toMatch(/^items: all 5 items fall in the same half of the split/);
    expect(() => checkRunnable({ ...data, items: [...items, { id: ids.find((id) => splitOf(id) === "eval") as string, family: "f", prompt: "p" }] })).not.toThrow();
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

import { describe, expect, it } from "vitest";
import type { TaskRequirements } from "../../spec";
import { answerKey } from "../agree";
import { candidates } from "../learn/features";
import type { Call, PreparedItem } from "../prepare";
import { gated, outOfFold, thresholdWithin, trainGate } from "./gate";

const requirements = { capabilities: { math: 1 }, primary: "math", format: "short-answer", inputTokens: 10, contextTokens: 10, constraints: {}, confidence: 1, evidence: [] } as unknown as TaskRequirements;

function item(id: string, calls: Record<string, [string | null, boolean, number]>): PreparedItem {
  const map = new Map<string, Call>(Object.entries(calls).map(([m, [answer, correct, costUsd]]) => [m, { answer, correct, costUsd, key: answerKey(answer), outputChars: 100 }]));
  return { id, family: "f", split: "tune", requirements, prompt: { chars: 200, digits: 3, latex: 0, codeWords: 0 }, calls: map };
}

/**
 * Two cheap models (a, b: $1 each) and a strong one (s: $10). When a and b agree they are right; when they
 * disagree both are wrong and s is right. A gate worth its name escalates exactly the disagreements.
 */
const items = Array.from({ length: 60 }, (_, i) =>
  i % 3 === 0
    ? item(`d${i}`, { a: [`${i}`, false, 1], b: [`${i + 1}`, false, 1], s: [`${i + 2}`, true, 10] })
    : item(`g${i}`, { a: [`${i}`, true, 1], b: [`${i}`, true, 1], s: [`${i}`, true, 10] }),
);
const config = { first: ["a", "b"], escalate: ["s"] };

describe("candidates", () => {
  it("groups equal answers and leaves out unparsed ones", () => {
    const c = candidates(item("x", { a: ["4", true, 1], b: ["4.0", true, 1], c: [null, false, 1], d: ["5", false, 1] }), ["a", "b", "c", "d"]);
    expect(c.map((x) => [x.key, x.givers])).toEqual([
      ["#4", ["a", "b"]],
      ["#5", ["d"]],
    ]);
  });
});

describe("learned gate", () => {
  it("escalates the disagreements only, and pays for every call it makes", () => {
    const rows = outOfFold(items, config);
    const cut = thresholdWithin(rows, 60 * 2 + 20 * 10);
    const ds = gated(items, trainGate(items, config), cut.threshold);
    expect(ds.every((d) => d.correct)).toBe(true);
    ds.forEach((d, i) => expect(d).toEqual(i % 3 === 0 ? { correct: true, costUsd: 12, models: ["a", "b", "s"] } : { correct: true, costUsd: 2, models: ["a", "b"] }));
  });

  it("never escalates when the budget only covers the first stage", () => {
    const cut = thresholdWithin(outOfFold(items, config), 60 * 2);
    expect(cut.threshold).toBe(Number.POSITIVE_INFINITY);
    expect(cut.accuracy).toBeCloseTo(40 / 60);
    const ds = gated(items, trainGate(items, config), cut.threshold);
    expect(ds.reduce((s, d) => s + d.costUsd, 0)).toBe(120);
  });
});

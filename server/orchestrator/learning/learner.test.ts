import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { CAPABILITIES, type ModelCapabilities } from "../spec";
import { createManualClock } from "../testing/clock";
import { createSeededRandom } from "../testing/random";
import { applyLearned } from "./apply";
import { summarizeBeta } from "./beta";
import { createProfileLearner } from "./learner";
import type { TimedPosterior } from "./posterior";
import { SIGNAL_WEIGHTS, signalFromStep } from "./signals";

const math = { math: 1 };

/** Feeds `n` outcomes of one capability through the learner, drawing success with probability `p`. */
function feed(learner: ReturnType<typeof createProfileLearner>, start: TimedPosterior, n: number, p: number, seed = 1): TimedPosterior {
  const random = createSeededRandom(seed);
  let current = start;
  for (let i = 0; i < n; i++) current = learner.observe({ math: current }, { capabilityWeights: math, outcome: random.next() < p ? 1 : 0 }).math ?? current;
  return current;
}

describe("createProfileLearner", () => {
  it("adds evidence to each capability in proportion to its weight in the task", () => {
    const learner = createProfileLearner();
    const updated = learner.observe({}, { capabilityWeights: { math: 0.75, reasoning: 0.25 }, outcome: 1 });
    expect(updated.math).toEqual({ alpha: 1.75, beta: 1 });
    expect(updated.reasoning).toEqual({ alpha: 1.25, beta: 1 });
    expect(Object.keys(updated)).toEqual(["math", "reasoning"]);
    const partial = learner.observe({ math: { alpha: 3, beta: 3 } }, { capabilityWeights: math, outcome: 0.25, weight: 2 });
    expect(partial.math?.alpha).toBeCloseTo(1 + 2 * 2 ** (-2 / 50) + 0.5, 12);
    expect(partial.math?.beta).toBeCloseTo(1 + 2 * 2 ** (-2 / 50) + 1.5, 12);
  });

  it("halves old evidence over one half-life of new observations", () => {
    const learner = createProfileLearner({ halfLife: 50 });
    // 40 passes and 20 failures on record, then 50 failures: the 40 old passes now count 20
    const after = feed(learner, { alpha: 41, beta: 21 }, 50, 0);
    expect(after.alpha).toBeCloseTo(1 + 20, 10);
  });

  it("settles at about halfLife / ln 2 observations of evidence, whatever the stream length", () => {
    const learner = createProfileLearner({ halfLife: 50 });
    const after = feed(learner, { alpha: 1, beta: 1 }, 3000, 0.7);
    const strength = after.alpha + after.beta;
    console.log(`steady strength after 3000 observations: ${strength.toFixed(1)} (halfLife 50 → 50/ln2 + 2.5 = ${(50 / Math.LN2 + 2.5).toFixed(1)})`);
    expect(strength).toBeCloseTo(50 / Math.LN2 + 2.5, 0);
    const { low, high } = summarizeBeta(after.alpha, after.beta);
    expect(low).toBeLessThan(0.7);
    expect(high).toBeGreaterThan(0.6);
  });

  it("follows a model whose quality changes, where unforgetting counts would lag", () => {
    const forgetting = createProfileLearner();
    const remembering = createProfileLearner({ halfLife: 1e9, maxStrength: 1e9 });
    const mean = (p: TimedPosterior) => p.alpha / (p.alpha + p.beta);
    const good = { alpha: 1, beta: 1 };
    const f = feed(forgetting, feed(forgetting, good, 200, 0.85, 1), 100, 0.35, 2);
    const r = feed(remembering, feed(remembering, good, 200, 0.85, 1), 100, 0.35, 2);
    console.log(`after 200 tasks at 0.85 then 100 at 0.35: forgetting ${mean(f).toFixed(3)}, remembering ${mean(r).toFixed(3)}`);
    // a quarter of the old evidence is left after two half-lives: the mean has come most of the way down
    expect(mean(f)).toBeLessThan(0.5);
    expect(mean(f) - 0.35).toBeLessThan((mean(r) - 0.35) / 2);
    expect(mean(r)).toBeGreaterThan(0.6);
  });

  it("caps the evidence: a profile can never claim more than maxStrength observations", () => {
    const learner = createProfileLearner({ maxStrength: 200 });
    const after = learner.observe({ math: { alpha: 900, beta: 100 } }, { capabilityWeights: math, outcome: 1 }).math as TimedPosterior;
    expect(after.alpha + after.beta).toBeCloseTo(200, 10);
    expect(after.alpha / (after.alpha + after.beta)).toBeCloseTo(0.9, 2);
  });

  it("never collapses: 10,000 failures in a row leave a proper posterior above 0", () => {
    const learner = createProfileLearner();
    const after = feed(learner, { alpha: 30, beta: 2 }, 10_000, 0);
    expect(after.alpha).toBeGreaterThanOrEqual(1 - 1e-9);
    const { mean, high } = summarizeBeta(after.alpha, after.beta);
    console.log(`after 10,000 failures: Beta(${after.alpha.toFixed(2)}, ${after.beta.toFixed(1)}), mean ${mean.toFixed(4)}, 90% up to ${high.toFixed(3)}`);
    expect(mean).toBeGreaterThan(0.005);
    expect(high).toBeGreaterThan(0.03);
  });

  it("ignores capabilities that were a negligible part of the task", () => {
    const learner = createProfileLearner({ minShare: 0.05 });
    const updated = learner.observe({}, { capabilityWeights: { math: 0.97, chat: 0.03 }, outcome: 1 });
    expect(updated.chat).toBeUndefined();
    expect(updated.math?.alpha).toBeCloseTo(1.97, 12);
  });

  it("forgets by elapsed time as well when given a half-life in ms and a clock", async () => {
    const clock = createManualClock({ auto: false });
    const learner = createProfileLearner({ halfLife: 1e9, halfLifeMs: 1000, clock });
    const first = learner.observe({ math: { alpha: 41, beta: 1 } }, { capabilityWeights: math, outcome: 1, weight: 0 }); // weight 0: no change
    expect(first).toEqual({});
    const stamped = learner.observe({ math: { alpha: 41, beta: 1 } }, { capabilityWeights: math, outcome: 1, weight: 1e-12 }).math as TimedPosterior;
    expect(stamped.updatedAt).toBe(0);
    await clock.advance(1000);
    const later = learner.observe({ math: stamped }, { capabilityWeights: math, outcome: 0, weight: 1e-12 }).math as TimedPosterior;
    expect(later.alpha).toBeCloseTo(21, 6);
    expect(later.updatedAt).toBe(1000);
  });

  it("rejects outcomes, weights and settings outside their ranges", () => {
    const learner = createProfileLearner();
    expect(() => learner.observe({}, { capabilityWeights: math, outcome: 1.2 })).toThrow(InvalidInputError);
    expect(() => learner.observe({}, { capabilityWeights: math, outcome: Number.NaN })).toThrow(InvalidInputError);
    expect(() => learner.observe({}, { capabilityWeights: math, outcome: 1, weight: -1 })).toThrow(InvalidInputError);
    expect(() => learner.observe({}, { capabilityWeights: { math: -1 }, outcome: 1 })).toThrow(InvalidInputError);
    expect(() => learner.observe({ math: { alpha: 0, beta: 1 } }, { capabilityWeights: math, outcome: 1 })).toThrow(InvalidInputError);
    expect(() => createProfileLearner({ halfLife: 0 })).toThrow(InvalidInputError);
    expect(() => createProfileLearner({ halfLifeMs: 1000 })).toThrow(/needs a clock/);
    expect(() => createProfileLearner({ maxStrength: 1 })).toThrow(InvalidInputError);
  });
});

describe("signalFromStep", () => {
  const weights = { code: 0.6, reasoning: 0.4 };

  it("maps each kind of step signal to an outcome and a weight, operator feedback strongest", () => {
    expect(signalFromStep({ kind: "validator", passed: false }, weights)).toEqual({ capabilityWeights: weights, outcome: 0, weight: 0.5 });
    expect(signalFromStep({ kind: "verifier", verdict: "pass" }, weights)).toEqual({ capabilityWeights: weights, outcome: 1, weight: 1 });
    expect(signalFromStep({ kind: "verifier", verdict: "fail", confidence: 0.6 }, weights).weight).toBeCloseTo(0.6, 12);
    expect(signalFromStep({ kind: "vote", agreeing: 3, others: 4 }, weights)).toMatchObject({ outcome: 0.75, weight: 0.5 });
    expect(signalFromStep({ kind: "feedback", rating: "up" }, weights)).toMatchObject({ outcome: 1, weight: 3 });
    const ranked = Object.entries(SIGNAL_WEIGHTS).sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(ranked).toBe("feedback");
  });

  it("lets one thumbs-down move a score more than a failed validator", () => {
    const learner = createProfileLearner();
    const start = { code: { alpha: 21, beta: 6 } };
    const mean = (u: ReturnType<typeof learner.observe>) => (u.code ? u.code.alpha / (u.code.alpha + u.code.beta) : Number.NaN);
    const down = mean(learner.observe(start, signalFromStep({ kind: "feedback", rating: "down" }, { code: 1 })));
    const invalid = mean(learner.observe(start, signalFromStep({ kind: "validator", passed: false }, { code: 1 })));
    expect(down).toBeLessThan(invalid);
  });

  it("rejects votes without voters and confidences outside [0, 1]", () => {
    expect(() => signalFromStep({ kind: "vote", agreeing: 0, others: 0 }, weights)).toThrow(InvalidInputError);
    expect(() => signalFromStep({ kind: "vote", agreeing: 5, others: 4 }, weights)).toThrow(InvalidInputError);
    expect(() => signalFromStep({ kind: "verifier", verdict: "pass", confidence: 2 }, weights)).toThrow(InvalidInputError);
  });
});

describe("applyLearned", () => {
  it("marks updated capabilities learned, keeps manual means, leaves the rest", () => {
    const capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, { alpha: 2, beta: 2, mean: 0.5, source: "seed" as const }])) as ModelCapabilities;
    capabilities.code = { alpha: 2, beta: 2, mean: 0.9, source: "manual" };
    const next = applyLearned(capabilities, { math: { alpha: 3, beta: 1 }, code: { alpha: 1, beta: 3 } });
    expect(next.math).toEqual({ alpha: 3, beta: 1, mean: 0.75, source: "learned" });
    expect(next.code).toEqual({ alpha: 1, beta: 3, mean: 0.9, source: "manual" });
    expect(next.chat).toBe(capabilities.chat);
  });
});

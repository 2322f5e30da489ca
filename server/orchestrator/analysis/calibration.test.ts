import { describe, expect, it } from "vitest";
import { expectedCalibrationError, fitTemperature, type ScoredExample } from "./calibration";

/** Deterministic pseudo-random numbers, so the test does not flake. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return s / 4_294_967_296;
  };
}

/** Examples whose true probabilities are softmax(z), reported as logits z × scale (scale > 1 = overconfident). */
function synthetic(scale: number, n = 4_000): ScoredExample[] {
  const rand = lcg(7);
  const out: ScoredExample[] = [];
  for (let i = 0; i < n; i++) {
    const z = [rand() * 4, rand() * 4, rand() * 4];
    const exps = z.map(Math.exp);
    const sum = exps.reduce((a, b) => a + b, 0);
    const u = rand() * sum;
    const label = u < (exps[0] ?? 0) ? 0 : u < (exps[0] ?? 0) + (exps[1] ?? 0) ? 1 : 2;
    out.push({ logits: z.map((v) => v * scale), label });
  }
  return out;
}

describe("temperature scaling", () => {
  it("recovers the temperature that undoes over- or under-confidence", () => {
    expect(fitTemperature(synthetic(2))).toBeCloseTo(2, 0);
    expect(fitTemperature(synthetic(0.5))).toBeCloseTo(0.5, 0);
  });

  it("lowers the expected calibration error", () => {
    const scored = synthetic(2.5);
    const t = fitTemperature(scored);
    expect(expectedCalibrationError(scored, t)).toBeLessThan(expectedCalibrationError(scored, 1));
    expect(expectedCalibrationError(scored, t)).toBeLessThan(0.03);
  });
});

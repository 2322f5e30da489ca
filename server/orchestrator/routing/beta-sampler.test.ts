import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../testing/random";
import { sampleAroundMean, sampleBeta, sampleGamma } from "./beta-sampler";

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe("Marsaglia–Tsang gamma and the Beta built on it", () => {
  it.each([0.3, 1, 2.5, 40])("Gamma(%s) has mean and variance equal to its shape", (shape) => {
    const random = createSeededRandom(7);
    const { mean, variance } = moments(() => sampleGamma(shape, random), 40_000);
    expect(mean).toBeCloseTo(shape, shape < 5 ? 1 : 0);
    expect(variance / shape).toBeGreaterThan(0.9);
    expect(variance / shape).toBeLessThan(1.1);
  });

  it.each([
    [1, 1],
    [2, 8],
    [0.5, 0.5],
    [90, 10],
  ])("Beta(%s, %s) has the right mean and variance", (a, b) => {
    const random = createSeededRandom(11);
    const { mean, variance } = moments(() => sampleBeta(a, b, random), 40_000);
    const n = a + b;
    expect(mean).toBeCloseTo(a / n, 2);
    expect(variance).toBeCloseTo((a * b) / (n * n * (n + 1)), 2);
  });

  it("is deterministic under a seed and varies across seeds", () => {
    const draws = (seed: number) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 5 }, () => sampleBeta(3, 4, random));
    };
    expect(draws(1)).toEqual(draws(1));
    expect(draws(1)).not.toEqual(draws(2));
  });

  it("centres draws on an overridden mean, keeping the evidence", () => {
    const random = createSeededRandom(5);
    const { mean } = moments(() => sampleAroundMean(0.9, 20, random), 20_000);
    expect(mean).toBeCloseTo(0.9, 2);
    expect(sampleAroundMean(0, 10, random)).toBeGreaterThanOrEqual(0);
    expect(sampleAroundMean(1, 10, random)).toBeLessThanOrEqual(1);
  });

  it("rejects impossible shapes", () => {
    expect(() => sampleGamma(0, createSeededRandom(1))).toThrow(RangeError);
  });
});

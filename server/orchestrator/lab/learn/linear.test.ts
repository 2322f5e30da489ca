import { describe, expect, it } from "vitest";
import { dot, fitLogistic, fitRidge, sigmoid, solve } from "./linear";

describe("solve", () => {
  it("solves a small linear system, pivoting past a zero on the diagonal", () => {
    const x = solve([[0, 2, 1], [1, 1, 0], [2, 0, 3]], [7, 3, 11]);
    // x = (1, 2, 3): 0+4+3 = 7, 1+2 = 3, 2+9 = 11
    x.forEach((v, i) => expect(v).toBeCloseTo([1, 2, 3][i] as number, 9));
  });
});

describe("fitRidge", () => {
  it("recovers a line with a negligible ridge term", () => {
    const xs = [0, 1, 2, 3, 4].map((x) => [1, x]);
    const w = fitRidge(xs, [2, 5, 8, 11, 14], 1e-9);
    expect(w[0]).toBeCloseTo(2, 5);
    expect(w[1]).toBeCloseTo(3, 5);
  });
});

describe("fitLogistic", () => {
  // y is 1 exactly when x > 0.5, with a few flipped labels so the optimum is finite
  const xs = Array.from({ length: 40 }, (_, i) => [1, i / 39]);
  const ys = xs.map(([, x], i) => ((x as number) > 0.5) !== (i % 13 === 0));

  it("learns which side of the boundary is likely right", () => {
    const w = fitLogistic(xs, ys, 0.1);
    expect(sigmoid(dot(w, [1, 0.9]))).toBeGreaterThan(0.8);
    expect(sigmoid(dot(w, [1, 0.1]))).toBeLessThan(0.2);
  });

  it("is deterministic and shrinks toward zero as the ridge grows", () => {
    expect(fitLogistic(xs, ys, 0.1)).toEqual(fitLogistic(xs, ys, 0.1));
    const loose = fitLogistic(xs, ys, 0.1);
    const tight = fitLogistic(xs, ys, 100);
    expect(Math.abs(tight[1] as number)).toBeLessThan(Math.abs(loose[1] as number));
  });

  it("matches the log-loss optimum: the gradient vanishes at the fitted weights", () => {
    const l2 = 1;
    const w = fitLogistic(xs, ys, l2);
    for (let j = 0; j < 2; j++) {
      const g = xs.reduce((s, x, n) => s + (x[j] as number) * (sigmoid(dot(w, x)) - (ys[n] ? 1 : 0)), 0) + l2 * (w[j] as number);
      expect(Math.abs(g)).toBeLessThan(1e-6);
    }
  });
});

import type { RandomSource } from "../spec";

/**
 * Samplers driven only by the injected RandomSource, so a seeded source replays the same draws.
 * No external library: the orchestrator imports nothing but zod and cockatiel.
 */

/** Standard normal by Box–Muller. One value per call (the twin is dropped) keeps the sampler stateless. */
export function sampleNormal(random: RandomSource): number {
  // 1 − u lies in (0, 1], so the log is finite
  const u1 = 1 - random.next();
  const u2 = random.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000): a squeeze-and-reject method, ~1.03 normal draws per
 * sample for shape ≥ 1. Shapes below 1 use the boost Gamma(a) = Gamma(a + 1) · U^(1/a).
 */
export function sampleGamma(shape: number, random: RandomSource): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be finite and > 0, got ${shape}`);
  if (shape < 1) {
    const u = 1 - random.next();
    return sampleGamma(shape + 1, random) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(alpha, beta) as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function sampleBeta(alpha: number, beta: number, random: RandomSource): number {
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  const sum = x + y;
  // both draws can underflow to 0 for tiny shapes; the mean is the honest answer then
  return sum > 0 ? x / sum : alpha / (alpha + beta);
}

const EDGE = 1e-3;

/**
 * Draw around an effective mean: keep the evidence (alpha + beta) but centre the Beta on `mean`, which
 * may be a manual override that alpha/(alpha+beta) does not reflect.
 */
export function sampleAroundMean(mean: number, strength: number, random: RandomSource): number {
  const m = Math.min(1 - EDGE, Math.max(EDGE, mean));
  const n = Math.max(strength, 2 * EDGE);
  return sampleBeta(m * n, (1 - m) * n, random);
}

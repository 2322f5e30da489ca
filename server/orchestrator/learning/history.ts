import { summarizeBeta } from "./beta";
import type { Posterior } from "./posterior";

/** One point of a capability's score chart: the posterior and its 90% interval at a moment. */
export interface HistoryPoint {
  at: number;
  alpha: number;
  beta: number;
  mean: number;
  low: number;
  high: number;
}

export interface HistoryPolicy {
  /** write at least every this many observations, so a flat line still shows its evidence growing */
  everyObservations: number;
  /** write when the mean moved more than this since the last point: a chart should show every real step */
  meanDelta: number;
  /** write when the interval's width changed more than this (evidence piling up or fading) */
  widthDelta: number;
  /** never two points closer than this in time, whatever moved (bounds a burst of tasks); 0 = no limit */
  minIntervalMs: number;
}

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = { everyObservations: 25, meanDelta: 0.01, widthDelta: 0.02, minIntervalMs: 0 };

export type HistoryReason = "first" | "mean-moved" | "interval-moved" | "every-n";

export function historyPoint(posterior: Posterior, at: number): HistoryPoint {
  const { mean, low, high } = summarizeBeta(posterior.alpha, posterior.beta);
  return { at, alpha: posterior.alpha, beta: posterior.beta, mean, low, high };
}

/**
 * Whether to write a history point for a capability now. Pure: the caller keeps the last point written and
 * counts the observations since. Points are written on change rather than on every update, so a model
 * that runs thousands of tasks keeps a chart of hundreds of points that still shows each visible move.
 * Returns the reason (for tests and logs) or null.
 */
export function historyDecision(
  last: HistoryPoint | undefined,
  current: Posterior,
  context: { observationsSince: number; now: number },
  policy: HistoryPolicy = DEFAULT_HISTORY_POLICY,
): HistoryReason | null {
  if (!last) return "first";
  if (policy.minIntervalMs > 0 && context.now - last.at < policy.minIntervalMs) return null;
  const { mean, low, high } = summarizeBeta(current.alpha, current.beta);
  if (Math.abs(mean - last.mean) > policy.meanDelta) return "mean-moved";
  if (Math.abs(high - low - (last.high - last.low)) > policy.widthDelta) return "interval-moved";
  if (context.observationsSince >= policy.everyObservations) return "every-n";
  return null;
}

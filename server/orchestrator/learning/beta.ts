/** Summary of a Beta(alpha, beta) posterior over a success probability. */
export interface BetaSummary {
  mean: number;
  low: number;
  high: number;
}

const Z90 = 1.6448536269514722;

/**
 * Mean and a 90% interval. The interval uses the Wilson-style normal approximation on the
 * posterior's mean and variance, clipped to [0, 1]; exact enough for display and routing.
 */
export function summarizeBeta(alpha: number, beta: number): BetaSummary {
  const n = alpha + beta;
  const mean = alpha / n;
  const sd = Math.sqrt((alpha * beta) / (n * n * (n + 1)));
  return { mean, low: Math.max(0, mean - Z90 * sd), high: Math.min(1, mean + Z90 * sd) };
}

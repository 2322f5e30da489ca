import { LATENCY_BIN_COUNT, latencyBinEdges } from "@/db/rollup-layout";

/**
 * Latency percentiles from the rollups' fixed half-octave histogram (db/rollup-layout.ts): histograms of
 * any buckets merge by adding counts, so a percentile over 30 days costs the same as over one minute.
 * Within a bin the value is interpolated on a log scale, so an estimate is within the bin's ±19% and
 * usually much closer.
 */
export type Histogram = number[];

export function emptyHistogram(): Histogram {
  return new Array<number>(LATENCY_BIN_COUNT).fill(0);
}

/** Adds counts position by position (histograms, or any fixed-length counter vector). */
export function addHistogram(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

/** The q-quantile (0..1) of a histogram in ms, or null when it is empty. */
export function quantile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin++) {
    const n = histogram[bin] ?? 0;
    if (n === 0) continue;
    if (seen + n >= rank) {
      const [low, high] = latencyBinEdges(bin);
      if (!Number.isFinite(high)) return Math.round(low);
      const f = (rank - seen - 0.5) / n;
      return Math.round(low === 0 ? high * f : low * (high / low) ** f);
    }
    seen += n;
  }
  return null;
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function percentiles(histogram: readonly number[]): Percentiles {
  return { p50: quantile(histogram, 0.5), p95: quantile(histogram, 0.95), p99: quantile(histogram, 0.99) };
}

/** Non-empty bins as [low, high) ranges, for the latency histogram chart. */
export function histogramBins(histogram: readonly number[]): { lowMs: number; highMs: number; count: number }[] {
  const out: { lowMs: number; highMs: number; count: number }[] = [];
  histogram.forEach((count, bin) => {
    if (count === 0) return;
    const [low, high] = latencyBinEdges(bin);
    out.push({ lowMs: low, highMs: Number.isFinite(high) ? high : low * Math.SQRT2, count });
  });
  return out;
}

/**
 * Latency percentiles from a log-scale histogram that SQLite builds with GROUP BY, so a percentile
 * never needs the raw latencies in JS (or a sort over them). Bins are quarter-octaves
 * (bin = floor(4·log2 ms)): each spans ~19%, so an estimate is within ~10% of the true value.
 */
export const BINS_PER_OCTAVE = 4;

/** The SQL expression for a latency column's bin; `log2` needs SQLite's math functions (on in better-sqlite3). */
export function binSql(column: string): string {
  return `CAST(log2(max(${column}, 1)) * ${BINS_PER_OCTAVE} AS INTEGER)`;
}

export interface Bin {
  bin: number;
  n: number;
}

export function binLow(bin: number): number {
  return 2 ** (bin / BINS_PER_OCTAVE);
}

export function binHigh(bin: number): number {
  return 2 ** ((bin + 1) / BINS_PER_OCTAVE);
}

/** The geometric middle of a bin: the unbiased point for a log-scale bin. */
export function binMid(bin: number): number {
  return Math.sqrt(binLow(bin) * binHigh(bin));
}

/** The q-quantile (0..1) of a histogram, or null when it is empty. */
export function quantile(bins: readonly Bin[], q: number): number | null {
  const sorted = [...bins].filter((b) => b.n > 0).sort((a, b) => a.bin - b.bin);
  const total = sorted.reduce((sum, b) => sum + b.n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const b of sorted) {
    seen += b.n;
    if (seen >= rank) return Math.round(binMid(b.bin));
  }
  return Math.round(binMid(sorted[sorted.length - 1]!.bin));
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function percentiles(bins: readonly Bin[]): Percentiles {
  return { p50: quantile(bins, 0.5), p95: quantile(bins, 0.95), p99: quantile(bins, 0.99) };
}

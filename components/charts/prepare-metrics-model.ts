import { formatMs } from "@/components/shared/format";
import { toSeries, type SeriesPoint } from "./prepare-metrics-series";

export interface HistogramBinLike {
  lowMs: number;
  highMs: number;
  count: number;
}

export interface HistogramBar {
  label: string;
  lowMs: number;
  count: number;
}

/** Latency bins as bars, fastest first, labelled by their lower edge; empty bins in between are kept so gaps show. */
export function prepareLatencyHistogram(bins: readonly HistogramBinLike[]): HistogramBar[] {
  if (bins.length === 0) return [];
  const sorted = [...bins].sort((a, b) => a.lowMs - b.lowMs);
  const bars: HistogramBar[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const bin = sorted[i]!;
    bars.push({ label: formatMs(bin.lowMs), lowMs: bin.lowMs, count: bin.count });
    const next = sorted[i + 1];
    // quarter-octave bins: fill the missing edges between two non-adjacent bins with zero bars
    let edge = bin.highMs;
    while (next && edge < next.lowMs * 0.999 && bars.length < 200) {
      bars.push({ label: formatMs(edge), lowMs: edge, count: 0 });
      edge *= 2 ** 0.25;
    }
  }
  return bars;
}

export interface ErrorSlice {
  kind: string;
  failed: number;
  retried: number;
}

/** Failed calls and absorbed retries per error kind, the worst first. */
export function prepareErrorBreakdown(errors: {
  failed: readonly { kind: string; count: number }[];
  retried: readonly { kind: string; count: number }[];
}): ErrorSlice[] {
  const byKind = new Map<string, ErrorSlice>();
  for (const f of errors.failed) byKind.set(f.kind, { kind: f.kind, failed: f.count, retried: 0 });
  for (const r of errors.retried) {
    const slice = byKind.get(r.kind) ?? { kind: r.kind, failed: 0, retried: 0 };
    slice.retried += r.count;
    byKind.set(r.kind, slice);
  }
  return [...byKind.values()].sort((a, b) => b.failed + b.retried - (a.failed + a.retried) || a.kind.localeCompare(b.kind));
}

/** Spend per bucket and its running total, for the "cost over time" chart. */
export function prepareCostSeries(buckets: readonly { t: number; costUsd: number }[]): { t: number; cost: number; cumulative: number }[] {
  let total = 0;
  return buckets.map((b) => {
    total += b.costUsd;
    return { t: b.t, cost: b.costUsd, cumulative: total };
  });
}

export function requestSeries(buckets: readonly { t: number; requests: number }[]): SeriesPoint[] {
  return toSeries(buckets, (b) => b.requests);
}

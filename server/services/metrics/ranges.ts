/** Time ranges the dashboards offer, and the bucket each is aggregated into (minute or hour). */
export const METRIC_RANGES = ["15m", "1h", "6h", "24h", "7d", "30d"] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export const RANGE_SPECS: Record<MetricRange, { label: string; spanMs: number; bucketMs: number }> = {
  "15m": { label: "Last 15 minutes", spanMs: 15 * MINUTE_MS, bucketMs: MINUTE_MS },
  "1h": { label: "Last hour", spanMs: HOUR_MS, bucketMs: MINUTE_MS },
  "6h": { label: "Last 6 hours", spanMs: 6 * HOUR_MS, bucketMs: MINUTE_MS },
  "24h": { label: "Last 24 hours", spanMs: 24 * HOUR_MS, bucketMs: HOUR_MS },
  "7d": { label: "Last 7 days", spanMs: 7 * 24 * HOUR_MS, bucketMs: HOUR_MS },
  "30d": { label: "Last 30 days", spanMs: 30 * 24 * HOUR_MS, bucketMs: HOUR_MS },
};

export interface MetricWindow {
  range: MetricRange;
  label: string;
  /** inclusive start, aligned to a bucket */
  from: number;
  /** exclusive end: the end of the bucket holding `now` */
  to: number;
  bucketMs: number;
  buckets: number;
}

/**
 * The window ends with the bucket that holds `now`, so the latest bucket is always on the chart
 * (partly filled) and the bucket count is exactly span / bucket.
 */
export function windowOf(range: MetricRange, now: number): MetricWindow {
  const spec = RANGE_SPECS[range];
  const to = Math.floor(now / spec.bucketMs) * spec.bucketMs + spec.bucketMs;
  return { range, label: spec.label, from: to - spec.spanMs, to, bucketMs: spec.bucketMs, buckets: spec.spanMs / spec.bucketMs };
}

export function bucketStarts(window: MetricWindow): number[] {
  return Array.from({ length: window.buckets }, (_, i) => window.from + i * window.bucketMs);
}

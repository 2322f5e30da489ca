/** Shared shaping for the metrics dashboards' time series: bucket labels and sparkline points. */

export interface SeriesPoint {
  t: number;
  /** null leaves a gap (no data in that bucket), which is not the same as zero */
  v: number | null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Tick labels: time of day for minute buckets and hour buckets within a day, day + hour beyond. */
export function bucketTickFormat(bucketMs: number, spanMs: number, timeZone?: string): (t: number) => string {
  const format =
    bucketMs <= MINUTE || spanMs <= DAY
      ? new Intl.DateTimeFormat("en", { timeZone, hour: "2-digit", minute: "2-digit", hour12: false })
      : new Intl.DateTimeFormat("en", { timeZone, month: "short", day: "numeric", hour: "2-digit", hour12: false });
  return (t: number) => format.format(t);
}

/** Picks one number per bucket; non-finite values become gaps. */
export function toSeries<B extends { t: number }>(buckets: readonly B[], pick: (b: B) => number | null): SeriesPoint[] {
  return buckets.map((b) => {
    const v = pick(b);
    return { t: b.t, v: v === null || !Number.isFinite(v) ? null : v };
  });
}

/** True when some bucket holds a value other than 0 (the empty state is shown otherwise). */
export function hasData(points: readonly SeriesPoint[]): boolean {
  return points.some((p) => p.v !== null && p.v !== 0);
}

/** Per-bucket success rate (completed / finished); buckets without finished tasks are gaps. */
export function successSeries(buckets: readonly { t: number; completed: number; failed: number }[]): SeriesPoint[] {
  return toSeries(buckets, (b) => (b.completed + b.failed ? b.completed / (b.completed + b.failed) : null));
}

/** Per-bucket rate per minute, so minute and hour buckets read on the same scale. */
export function perMinuteSeries(buckets: readonly { t: number; tasks: number }[], bucketMs: number): SeriesPoint[] {
  const minutes = bucketMs / MINUTE;
  return toSeries(buckets, (b) => b.tasks / minutes);
}

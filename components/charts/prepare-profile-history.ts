import { CAPABILITIES, isCapability, type Capability } from "@/server/orchestrator/spec";

/** One row of `profiles.history`: a capability's posterior (or its hand-set score) at a moment. */
export interface ProfileHistoryRowLike {
  capability: string;
  /** the posterior mean, or the manual score when `source` is "manual" */
  mean: number;
  low: number;
  high: number;
  source: string;
  at: number;
}

/** A capability's current profile (models.get), to extend each line to "now". */
export interface CurrentScoreLike {
  mean: number;
  low: number;
  high: number;
  source: string;
  manualScore: number | null;
}

export interface ProfileHistoryPoint {
  at: number;
  /** posterior mean; null where a manual override was in force (the history then records the manual score) */
  mean: number | null;
  /** the hand-set score in force at this point, or null */
  manual: number | null;
  /** the posterior's 90% interval as [low, high], for the shaded band */
  band: [number, number];
  /** seed, discovered, learned or manual */
  source: string;
  /** the synthetic last point: the profile as it is now, not a recorded change */
  current: boolean;
}

export interface ProfileHistorySeries {
  capability: Capability;
  points: ProfileHistoryPoint[];
  /** recorded changes (the synthetic "now" point not counted) */
  changes: number;
  hasManual: boolean;
}

export interface ProfileHistory {
  /** capabilities with at least one recorded point, in the canonical order */
  series: ProfileHistorySeries[];
  /** earliest and latest time over all series, or null without data */
  domain: [number, number] | null;
}

export interface PrepareProfileHistoryOptions {
  /** the model's profile now: appended as a last point at `now` so each line reaches the present */
  current?: Partial<Record<Capability, CurrentScoreLike>>;
  now?: number;
  /** recorded points kept per capability; evenly thinned beyond this, keeping the ends and every source change */
  maxPoints?: number;
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

function band(low: number, high: number): [number, number] {
  const a = clamp01(low);
  const b = clamp01(high);
  return a <= b ? [a, b] : [b, a];
}

function pointOf(row: ProfileHistoryRowLike): ProfileHistoryPoint {
  const manual = row.source === "manual";
  return {
    at: row.at,
    mean: manual ? null : clamp01(row.mean),
    manual: manual ? clamp01(row.mean) : null,
    band: band(row.low, row.high),
    source: row.source,
    current: false,
  };
}

function currentPoint(score: CurrentScoreLike, at: number): ProfileHistoryPoint {
  const manual = score.manualScore !== null;
  return {
    at,
    mean: manual ? null : clamp01(score.mean),
    manual: manual ? clamp01(score.manualScore as number) : null,
    band: band(score.low, score.high),
    source: manual ? "manual" : score.source,
    current: true,
  };
}

/**
 * At most `max` points: evenly spaced ones, plus the first, the last and every point whose source differs
 * from the one before (a discovery run or an override must never disappear from the chart).
 */
export function thinPoints<P extends { source: string }>(points: readonly P[], max: number): P[] {
  if (points.length <= max || max < 2) return [...points];
  const keep = new Set<number>([0, points.length - 1]);
  points.forEach((p, i) => {
    if (i > 0 && p.source !== points[i - 1]!.source) keep.add(i);
  });
  const slots = Math.max(0, max - keep.size);
  const step = (points.length - 1) / (slots + 1);
  for (let k = 1; k <= slots; k++) keep.add(Math.round(k * step));
  return [...keep].sort((a, b) => a - b).map((i) => points[i]!);
}

/**
 * Shapes `profiles.history` for the history chart: one series per capability, oldest first, each point
 * with the posterior mean (or the manual score, kept apart) and its 90% interval as a band.
 */
export function prepareProfileHistory(rows: readonly ProfileHistoryRowLike[], options: PrepareProfileHistoryOptions = {}): ProfileHistory {
  const { current, now, maxPoints = 400 } = options;
  const byCapability = new Map<Capability, ProfileHistoryPoint[]>();
  const ordered = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => isCapability(row.capability) && Number.isFinite(row.at))
    .sort((a, b) => a.row.at - b.row.at || a.index - b.index);
  for (const { row } of ordered) {
    const capability = row.capability as Capability;
    const list = byCapability.get(capability) ?? [];
    list.push(pointOf(row));
    byCapability.set(capability, list);
  }

  const series: ProfileHistorySeries[] = [];
  for (const capability of CAPABILITIES) {
    const recorded = byCapability.get(capability);
    if (!recorded?.length) continue;
    const points = thinPoints(recorded, maxPoints);
    const last = recorded[recorded.length - 1]!;
    const score = current?.[capability];
    if (score && now !== undefined && now > last.at) points.push(currentPoint(score, now));
    series.push({ capability, points, changes: recorded.length, hasManual: points.some((p) => p.manual !== null) });
  }

  const times = series.flatMap((s) => s.points.map((p) => p.at));
  const domain: [number, number] | null = times.length ? [Math.min(...times), Math.max(...times)] : null;
  return { series, domain };
}

/** The capability to show first: the one with the most recorded changes (ties in canonical order). */
export function defaultHistoryCapability(history: ProfileHistory): Capability | null {
  let best: ProfileHistorySeries | null = null;
  for (const s of history.series) if (!best || s.changes > best.changes) best = s;
  return best?.capability ?? null;
}

/** Axis ticks: seconds within a few minutes, the time of day within a day and a half, the date beyond. */
export function historyTickFormat(domain: [number, number] | null, timeZone?: string): (ms: number) => string {
  const span = domain ? domain[1] - domain[0] : 0;
  const options: Intl.DateTimeFormatOptions =
    span <= 10 * 60_000
      ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }
      : span <= 36 * 3600_000
        ? { hour: "2-digit", minute: "2-digit", hour12: false }
        : { month: "short", day: "numeric" };
  const format = new Intl.DateTimeFormat("en", { timeZone, ...options });
  return (ms: number) => format.format(ms);
}

import { formatMs, formatPercent, formatUsd } from "@/components/shared/format";
import { hasData, perMinuteSeries, successSeries, toSeries, type SeriesPoint } from "./prepare-metrics-series";

export interface OverviewLike {
  window: { range: string; label: string; from: number; to: number; bucketMs: number; buckets: number };
  kpis: { tasks: number; tasksPerMinute: number; successRate: number | null; p95Ms: number | null; spendUsd: number; shadowSpendUsd?: number; shadowCalls?: number; cacheHitRate: number | null; cacheKnown?: boolean };
  buckets: readonly { t: number; tasks: number; completed: number; failed: number; costUsd: number; p95Ms: number | null; cacheHits?: number }[];
}

export interface Kpi {
  key: "throughput" | "success" | "p95" | "spend" | "cache";
  label: string;
  value: string;
  /** the raw number behind `value`, null when there is none (n/a) */
  raw: number | null;
  hint: string;
  spark: SeriesPoint[];
}

function perMinuteLabel(n: number): string {
  if (n === 0) return "0";
  return n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(2);
}

/** The overview's five KPIs, each with its sparkline. Cache hit rate is "n/a" while no result cache reports to metrics. */
export function prepareKpis(overview: OverviewLike): Kpi[] {
  const { kpis, buckets, window } = overview;
  return [
    {
      key: "throughput",
      label: "Tasks / min",
      value: perMinuteLabel(kpis.tasksPerMinute),
      raw: kpis.tasksPerMinute,
      hint: `${kpis.tasks} task${kpis.tasks === 1 ? "" : "s"} in range`,
      spark: perMinuteSeries(buckets, window.bucketMs),
    },
    {
      key: "success",
      label: "Success rate",
      value: kpis.successRate === null ? "–" : formatPercent(kpis.successRate, 1),
      raw: kpis.successRate,
      hint: "completed / finished tasks",
      spark: successSeries(buckets),
    },
    { key: "p95", label: "p95 latency", value: formatMs(kpis.p95Ms), raw: kpis.p95Ms, hint: "task end-to-end", spark: toSeries(buckets, (b) => b.p95Ms) },
    {
      key: "spend",
      label: "Spend",
      value: formatUsd(kpis.spendUsd),
      raw: kpis.spendUsd,
      // shadow calls are billed to no task, so they are not in the figure or its sparkline: named beside it
      hint: kpis.shadowCalls ? `sum of task cost; + ${formatUsd(kpis.shadowSpendUsd ?? 0)} shadow evaluation (${kpis.shadowCalls} calls)` : "sum of task cost",
      spark: toSeries(buckets, (b) => b.costUsd),
    },
    {
      key: "cache",
      label: "Cache hit rate",
      value: kpis.cacheHitRate === null ? "n/a" : formatPercent(kpis.cacheHitRate, 1),
      raw: kpis.cacheHitRate,
      hint: kpis.cacheKnown ? "answered from the result cache / finished" : "no result cache reporting",
      spark: kpis.cacheKnown ? toSeries(buckets, (b) => (b.tasks ? (b.cacheHits ?? 0) / b.tasks : null)) : [],
    },
  ];
}

/** Whether the range holds any task at all: the page shows its empty state otherwise. */
export function overviewHasData(overview: OverviewLike): boolean {
  return overview.kpis.tasks > 0 || hasData(toSeries(overview.buckets, (b) => b.tasks));
}

export interface HealthRowLike {
  id: string;
  name: string;
  health: "closed" | "open" | "half-open";
  /** consecutive failures the breaker counts; null when no breaker reports */
  breakerFailures?: number | null;
  enabled: boolean;
  recentErrorRate: number | null;
  routerErrorRate: number | null;
  requests: number;
}

export interface HealthRow extends HealthRowLike {
  tone: "green" | "amber" | "red" | "neutral";
  errorLabel: string;
}

/** Open breakers first, then half-open, then by recent error rate: what needs attention on top. */
export function prepareRosterHealth(rows: readonly HealthRowLike[]): HealthRow[] {
  const rank = { open: 0, "half-open": 1, closed: 2 } as const;
  return [...rows]
    .sort((a, b) => rank[a.health] - rank[b.health] || (b.recentErrorRate ?? -1) - (a.recentErrorRate ?? -1) || a.name.localeCompare(b.name))
    .map((r) => ({
      ...r,
      tone: !r.enabled ? "neutral" : r.health === "open" ? "red" : r.health === "half-open" || (r.recentErrorRate ?? 0) > 0.2 ? "amber" : "green",
      errorLabel: r.recentErrorRate === null ? "–" : formatPercent(r.recentErrorRate, 1),
    }));
}

/** One line for the roster's breakers: "all closed" when nothing needs attention. */
export function breakerSummary(counts: { open: number; halfOpen: number; closed: number }): string {
  if (counts.open === 0 && counts.halfOpen === 0) return counts.closed === 0 ? "no enabled models" : `all ${counts.closed} closed`;
  const parts = [counts.open ? `${counts.open} open` : "", counts.halfOpen ? `${counts.halfOpen} half-open` : "", counts.closed ? `${counts.closed} closed` : ""];
  return parts.filter(Boolean).join(", ");
}

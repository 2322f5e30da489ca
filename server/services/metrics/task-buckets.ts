import type { Db } from "@/db/client";
import { addHistogram, emptyHistogram, percentiles, quantile, type Percentiles } from "./histogram";
import type { MetricWindow } from "./ranges";
import { readByKey, readSeries } from "./rollup-read";

export interface TaskBucket {
  /** bucket start (ms) */
  t: number;
  /** tasks that finished in this bucket */
  tasks: number;
  completed: number;
  failed: number;
  cancelled: number;
  cacheHits: number;
  costUsd: number;
  /** of the tasks finished in this bucket; null without any */
  p95Ms: number | null;
}

export interface TaskTotals {
  tasks: number;
  completed: number;
  failed: number;
  cancelled: number;
  cacheHits: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  /** model calls per finished task */
  avgSteps: number | null;
  latency: Percentiles;
  /** routed tasks whose plan could be judged, and those that picked a model within tolerance of the best */
  selectionEvaluated: number;
  selectionEfficient: number;
}

/** Read per bucket (the charts); the rest is only needed as window totals, read from the window's cover. */
const SERIES_COLUMNS = ["n", "completed", "failed", "cancelled", "cache_hits", "cost_usd"] as const;
const TOTAL_COLUMNS = ["input_tokens", "output_tokens", "steps", "sel_evaluated", "sel_efficient"] as const;

/** Finished tasks per time bucket (every bucket of the window present, zeros where empty) and their totals, from the task rollup. */
export function taskBuckets(db: Db, window: MetricWindow): { buckets: TaskBucket[]; totals: TaskTotals } {
  const rows = readSeries(db, window, "task", "", SERIES_COLUMNS, ["lat"]);
  const [sums] = readByKey(db, window, "task", TOTAL_COLUMNS, [], "");
  const buckets: TaskBucket[] = Array.from({ length: window.buckets }, (_, i) => ({
    t: window.from + i * window.bucketMs,
    tasks: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
    cacheHits: 0,
    costUsd: 0,
    p95Ms: null,
  }));
  const all = emptyHistogram();
  const totals: TaskTotals = {
    tasks: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
    cacheHits: 0,
    costUsd: 0,
    inputTokens: 0,
    outputTokens: 0,
    avgSteps: null,
    latency: percentiles(all),
    selectionEvaluated: 0,
    selectionEfficient: 0,
  };
  for (const row of rows) {
    const bucket = buckets[row.i];
    if (!bucket) continue;
    bucket.tasks = row.n;
    bucket.completed = row.completed;
    bucket.failed = row.failed;
    bucket.cancelled = row.cancelled;
    bucket.cacheHits = row.cache_hits;
    bucket.costUsd = row.cost_usd;
    bucket.p95Ms = quantile(row.lat, 0.95);
    addHistogram(all, row.lat);
    totals.tasks += row.n;
    totals.completed += row.completed;
    totals.failed += row.failed;
    totals.cancelled += row.cancelled;
    totals.cacheHits += row.cache_hits;
    totals.costUsd += row.cost_usd;
  }
  if (sums) {
    totals.inputTokens = sums.input_tokens;
    totals.outputTokens = sums.output_tokens;
    totals.selectionEvaluated = sums.sel_evaluated;
    totals.selectionEfficient = sums.sel_efficient;
  }
  totals.latency = percentiles(all);
  totals.avgSteps = totals.tasks && sums ? sums.steps / totals.tasks : null;
  return { buckets, totals };
}

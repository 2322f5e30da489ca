import type { Db } from "@/db/client";
import { binSql, percentiles, type Bin } from "./histogram";
import type { MetricWindow } from "./ranges";
import { num, statement } from "./statements";

export interface TaskBucket {
  /** bucket start (ms) */
  t: number;
  tasks: number;
  completed: number;
  failed: number;
  costUsd: number;
  /** of the tasks created in this bucket that have finished; null without any */
  p95Ms: number | null;
}

export interface TaskTotals {
  tasks: number;
  completed: number;
  failed: number;
  costUsd: number;
  latency: ReturnType<typeof percentiles>;
}

interface Row {
  i: number;
  bin: number | null;
  n: number;
  completed: number | null;
  failed: number | null;
  cost: number | null;
}

// One pass over tasks_created_idx's range, grouped by (bucket, latency bin): counts, spend and every
// bucket's latency histogram come out of the same scan.
const SQL = `
  SELECT CAST((created_at - @from) / @bucket AS INTEGER) AS i, ${binSql("latency_ms")} AS bin, count(*) AS n,
         sum(status = 'completed') AS completed, sum(status = 'failed') AS failed, sum(cost_usd) AS cost
  FROM tasks
  WHERE created_at >= @from AND created_at < @to
  GROUP BY i, bin`;

/** Tasks per time bucket (created in it), every bucket of the window present, zeros where empty. */
export function taskBuckets(db: Db, window: MetricWindow): { buckets: TaskBucket[]; totals: TaskTotals } {
  const rows = statement(db, SQL).all({ from: window.from, to: window.to, bucket: window.bucketMs }) as Row[];
  const buckets: TaskBucket[] = Array.from({ length: window.buckets }, (_, i) => ({
    t: window.from + i * window.bucketMs,
    tasks: 0,
    completed: 0,
    failed: 0,
    costUsd: 0,
    p95Ms: null,
  }));
  const binsOf = new Map<number, Bin[]>();
  const allBins = new Map<number, number>();
  for (const row of rows) {
    const bucket = buckets[row.i];
    if (!bucket) continue;
    bucket.tasks += row.n;
    bucket.completed += num(row.completed);
    bucket.failed += num(row.failed);
    bucket.costUsd += num(row.cost);
    if (row.bin === null) continue;
    const list = binsOf.get(row.i) ?? [];
    list.push({ bin: row.bin, n: row.n });
    binsOf.set(row.i, list);
    allBins.set(row.bin, (allBins.get(row.bin) ?? 0) + row.n);
  }
  for (const [i, bins] of binsOf) buckets[i]!.p95Ms = percentiles(bins).p95;
  const totals: TaskTotals = {
    tasks: buckets.reduce((s, b) => s + b.tasks, 0),
    completed: buckets.reduce((s, b) => s + b.completed, 0),
    failed: buckets.reduce((s, b) => s + b.failed, 0),
    costUsd: buckets.reduce((s, b) => s + b.costUsd, 0),
    latency: percentiles([...allBins].map(([bin, n]) => ({ bin, n }))),
  };
  return { buckets, totals };
}

import type { Db } from "@/db/client";
import { binSql, type Bin } from "./histogram";
import type { MetricWindow } from "./ranges";
import { num, statement } from "./statements";

export interface ModelBucket {
  t: number;
  requests: number;
  failed: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
}

export interface ModelSeries {
  buckets: ModelBucket[];
  bins: Bin[];
  /** mean time to first token over the window; null without streamed steps */
  ttftMs: number | null;
}

interface Row {
  i: number;
  bin: number | null;
  n: number;
  failed: number | null;
  cost: number | null;
  tin: number | null;
  tout: number | null;
  ttft_sum: number | null;
  ttft_n: number;
}

// One model's steps through task_steps_model_started_idx: its time series and latency histogram in one scan.
const SQL = `
  SELECT CAST((started_at - @from) / @bucket AS INTEGER) AS i, ${binSql("latency_ms")} AS bin, count(*) AS n,
         sum(status = 'failed') AS failed, sum(cost_usd) AS cost, sum(input_tokens) AS tin, sum(output_tokens) AS tout,
         sum(first_token_ms) AS ttft_sum, count(first_token_ms) AS ttft_n
  FROM task_steps
  WHERE model_id = @model AND started_at >= @from AND started_at < @to
  GROUP BY i, bin`;

/** A model's calls per bucket (every bucket present) and its latency histogram over the window. */
export function modelSeries(db: Db, modelId: string, window: MetricWindow): ModelSeries {
  const rows = statement(db, SQL).all({ model: modelId, from: window.from, to: window.to, bucket: window.bucketMs }) as Row[];
  const buckets: ModelBucket[] = Array.from({ length: window.buckets }, (_, i) => ({
    t: window.from + i * window.bucketMs,
    requests: 0,
    failed: 0,
    costUsd: 0,
    inputTokens: 0,
    outputTokens: 0,
  }));
  const bins = new Map<number, number>();
  let ttftSum = 0;
  let ttftN = 0;
  for (const row of rows) {
    const bucket = buckets[row.i];
    if (!bucket) continue;
    bucket.requests += row.n;
    bucket.failed += num(row.failed);
    bucket.costUsd += num(row.cost);
    bucket.inputTokens += num(row.tin);
    bucket.outputTokens += num(row.tout);
    ttftSum += num(row.ttft_sum);
    ttftN += row.ttft_n;
    if (row.bin !== null) bins.set(row.bin, (bins.get(row.bin) ?? 0) + row.n);
  }
  return {
    buckets,
    bins: [...bins].map(([bin, n]) => ({ bin, n })).sort((a, b) => a.bin - b.bin),
    ttftMs: ttftN ? Math.round(ttftSum / ttftN) : null,
  };
}

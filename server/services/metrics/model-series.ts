import type { Db } from "@/db/client";
import { ROLLUP_ERROR_KINDS } from "@/db/rollup-layout";
import { ERROR_KINDS, type ErrorKind } from "./error-kinds";
import { emptyHistogram, type Histogram } from "./histogram";
import type { MetricWindow } from "./ranges";
import { readByKey, readSeries } from "./rollup-read";
import { zeros } from "./rollup-vectors";

export interface ModelBucket {
  t: number;
  requests: number;
  failed: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
}

export interface ErrorBreakdown {
  /** failed calls (the call's final outcome), by kind */
  failed: { kind: ErrorKind; count: number }[];
  /** retried attempts (failures the resilience layer absorbed), by kind */
  retried: { kind: ErrorKind; count: number }[];
}

export interface ModelSeries {
  buckets: ModelBucket[];
  latency: Histogram;
  ttft: Histogram;
  /** mean time to first token over the window; null without streamed calls */
  ttftMs: number | null;
  errors: ErrorBreakdown;
}

const COLUMNS = [
  "n",
  "failed",
  "cost_usd",
  "input_tokens",
  "output_tokens",
] as const;


const byKind = (sums: readonly number[]) =>
  ERROR_KINDS.map((kind, i) => ({ kind, count: sums[i] ?? 0 })).filter((e) => e.count > 0);

/** One model's calls per bucket (every bucket present), its latency and TTFT histograms and its errors by kind: one rollup read. */
export function modelSeries(db: Db, modelId: string, window: MetricWindow): ModelSeries {
  const rows = readSeries(db, window, "model", modelId, COLUMNS);
  // whole-window histograms and error kinds from the window's cover (day rows for whole days), not from every bucket
  const [totals] = readByKey(db, window, "model", ["ttft_sum", "ttft_n"], ["lat", "ttft", "errs"], modelId);
  const buckets: ModelBucket[] = Array.from({ length: window.buckets }, (_, i) => ({
    t: window.from + i * window.bucketMs,
    requests: 0,
    failed: 0,
    costUsd: 0,
    inputTokens: 0,
    outputTokens: 0,
  }));
  const latency = totals?.lat ?? emptyHistogram();
  const ttft = totals?.ttft ?? emptyHistogram();
  const errs = totals?.errs ?? zeros("errs");
  for (const row of rows) {
    const bucket = buckets[row.i];
    if (!bucket) continue;
    bucket.requests = row.n;
    bucket.failed = row.failed;
    bucket.costUsd = row.cost_usd;
    bucket.inputTokens = row.input_tokens;
    bucket.outputTokens = row.output_tokens;
  }
  return {
    buckets,
    latency,
    ttft,
    ttftMs: totals?.ttft_n ? Math.round(totals.ttft_sum / totals.ttft_n) : null,
    // errs holds failed calls by kind, then retried attempts by kind
    errors: { failed: byKind(errs.slice(0, ROLLUP_ERROR_KINDS.length)), retried: byKind(errs.slice(ROLLUP_ERROR_KINDS.length)) },
  };
}

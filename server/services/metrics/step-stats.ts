import type { Db } from "@/db/client";
import { percentiles, type Percentiles } from "./histogram";
import type { MetricWindow } from "./ranges";
import { readByKey, type Row } from "./rollup-read";

/** Finished model calls (task_steps) of one group: a model, or a task capability. */
export interface StepStats {
  key: string;
  requests: number;
  completed: number;
  failed: number;
  /** failed / finished */
  errorRate: number;
  latency: Percentiles;
  /** mean time to first token over the calls that streamed; null without any */
  ttftMs: number | null;
  ttft: Percentiles;
  retried: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

const COLUMNS = ["n", "completed", "failed", "retried", "input_tokens", "output_tokens", "cost_usd", "ttft_sum", "ttft_n"] as const;
const VECTORS = ["lat", "ttft"] as const;

function statsOf(row: Row<(typeof COLUMNS)[number], (typeof VECTORS)[number]> & { key: string }): StepStats {
  return {
    key: row.key,
    requests: row.n,
    completed: row.completed,
    failed: row.failed,
    errorRate: row.n ? row.failed / row.n : 0,
    latency: percentiles(row.lat),
    ttftMs: row.ttft_n ? Math.round(row.ttft_sum / row.ttft_n) : null,
    ttft: percentiles(row.ttft),
    retried: row.retried,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    costUsd: row.cost_usd,
  };
}

const byVolume = (a: StepStats, b: StepStats) => b.requests - a.requests || a.key.localeCompare(b.key);

/** Per-model and per-capability call statistics over the window, from the model and capability rollups. */
export function stepStats(db: Db, window: MetricWindow): { byModel: StepStats[]; byCapability: StepStats[] } {
  // a model row may hold only retries (no finished call in the window): it is a model with traffic all the same
  const byModel = readByKey(db, window, "model", COLUMNS, VECTORS).map(statsOf).sort(byVolume);
  const byCapability = readByKey(db, window, "capability", COLUMNS, VECTORS).map(statsOf).sort(byVolume);
  return { byModel, byCapability };
}

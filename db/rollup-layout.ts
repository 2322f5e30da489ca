/**
 * The column layout of the metric rollup tables (metric_rollups_minute / _hour / _day), shared by the schema,
 * the writer, the backfill and the readers so the four can never disagree on a column name.
 *
 * Rows are keyed (dim, bucket_start, key):
 * - dim "task",       key "":            finished tasks (all of them) — counts, spend, task latency histogram
 * - dim "strategy",   key the strategy:  finished tasks per planned strategy
 * - dim "model",      key the model id:  finished model calls (steps) of that model, errors and retries by kind
 * - dim "capability", key the task's primary capability: finished model calls for tasks of that capability
 * Separate dims (rather than one row per model × capability) keep a 30-day read at a few thousand rows.
 */

/** Half-octave latency bins: bin 0 is [0, 4 ms), bin k is [4·2^((k-1)/2), 4·2^(k/2)), the last is open-ended (≥ 131 s). */
export const LATENCY_BIN_COUNT = 32;
const FIRST_EDGE_MS = 4;

export function latencyBinOf(ms: number): number {
  if (!(ms >= FIRST_EDGE_MS)) return 0;
  return Math.min(LATENCY_BIN_COUNT - 1, Math.floor(2 * Math.log2(ms / FIRST_EDGE_MS)) + 1);
}

/** [low, high) of a bin in ms; the last bin's high is Infinity. */
export function latencyBinEdges(bin: number): [number, number] {
  const low = bin === 0 ? 0 : FIRST_EDGE_MS * 2 ** ((bin - 1) / 2);
  const high = bin === LATENCY_BIN_COUNT - 1 ? Number.POSITIVE_INFINITY : FIRST_EDGE_MS * 2 ** (bin / 2);
  return [low, high];
}

/** Error kinds a failed or retried model call is counted under (classified from the provider's message). */
export const ROLLUP_ERROR_KINDS = ["rate-limit", "timeout", "server", "network", "auth", "bad-request", "bad-response", "cut-stream", "aborted", "budget", "circuit-open", "bulkhead-full", "other"] as const;
export type RollupErrorKind = (typeof ROLLUP_ERROR_KINDS)[number];

export const ROLLUP_DIMS = ["task", "strategy", "model", "capability"] as const;
export type RollupDim = (typeof ROLLUP_DIMS)[number];

/** Integer counters, stored as columns and summed on upsert (cost_usd, a real, is the one more summed column). */
export const COUNT_COLUMNS = [
  /** finished tasks (task/strategy dims) or finished calls (model/capability dims) */
  "n",
  "completed",
  "failed",
  "cancelled",
  "cache_hits",
  "input_tokens",
  "output_tokens",
  "latency_sum",
  "latency_n",
  "ttft_sum",
  "ttft_n",
  /** model calls the task ran (task/strategy dims) */
  "steps",
  /** routed tasks whose plan could be judged, and those whose lead model was within tolerance of the best */
  "sel_evaluated",
  "sel_efficient",
  /** retried attempts (model dim) */
  "retried",
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

export type SumColumn = CountColumn | "cost_usd";
export const SUM_COLUMNS: readonly SumColumn[] = [...COUNT_COLUMNS, "cost_usd"];

/**
 * Vectors of counts, stored as BLOBs of little-endian uint32 (NULL = all zero) and added element-wise on
 * upsert by the rollup_add() SQL function. One column instead of dozens: reading a row's histogram is one
 * column fetch, which is what keeps a 30-day read within budget.
 */
export const VECTOR_LENGTHS = {
  /** latency histogram (tasks: end-to-end; calls: the model call) */
  lat: LATENCY_BIN_COUNT,
  /** time-to-first-token histogram (calls that streamed) */
  ttft: LATENCY_BIN_COUNT,
  /** failed calls by kind (ROLLUP_ERROR_KINDS order), then retried attempts by kind */
  errs: ROLLUP_ERROR_KINDS.length * 2,
} as const;
export type VectorColumn = keyof typeof VECTOR_LENGTHS;
export const VECTOR_COLUMNS = Object.keys(VECTOR_LENGTHS) as VectorColumn[];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Minute rows serve ranges up to 6 hours; older ones are pruned by the writer (hour and day rows are kept). */
export const MINUTE_RETENTION_MS = 48 * HOUR_MS;

/**
 * Minute and hour rows are the charts' buckets; day rows (UTC days) only shorten whole-range totals: a
 * 30-day total reads ~30 day rows plus the partial days' hours instead of 720 hour rows per key.
 */
export const ROLLUP_TABLES = { minute: "metric_rollups_minute", hour: "metric_rollups_hour", day: "metric_rollups_day" } as const;
export type RollupGrain = keyof typeof ROLLUP_TABLES;
export const ROLLUP_GRAINS = Object.keys(ROLLUP_TABLES) as RollupGrain[];
export const GRAIN_MS: Record<RollupGrain, number> = { minute: MINUTE_MS, hour: HOUR_MS, day: DAY_MS };

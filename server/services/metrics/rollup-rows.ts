import { GRAIN_MS, latencyBinOf, ROLLUP_ERROR_KINDS, type RollupDim, type RollupGrain, type SumColumn, type VectorColumn } from "@/db/rollup-layout";
import { errorKindOf } from "./error-kinds";
import { zeros } from "./rollup-vectors";

/**
 * What one finished task, model call or retry adds to the rollups. Pure: the live writer (one event at a
 * time), the backfill and the scale seeder all build their increments here, so they cannot disagree.
 */
export interface FinishedTask {
  /** when it finished (the task.completed / task.failed event, or tasks.completed_at) */
  at: number;
  status: "completed" | "failed" | "cancelled";
  strategy: string;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number | null;
  /** model calls the task ran */
  steps: number;
  cached: boolean;
  /** lead model within tolerance of the best eligible candidate (true/false), or not judgeable (null) */
  efficient: boolean | null;
}

export interface FinishedCall {
  /** when the call ended */
  at: number;
  modelId: string;
  /** the task's primary capability; null before analysis ("unknown") */
  capability: string | null;
  status: "completed" | "failed";
  latencyMs: number | null;
  firstTokenMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  error: string | null;
  /** the ProviderError kind, when the event carried it */
  errorKind?: string;
}

export interface RetriedCall {
  at: number;
  modelId: string;
  error: string | null;
  errorKind?: string;
}

export type Increments = Partial<Record<SumColumn, number>>;
/** A single count added to a vector column, by position (a latency bin, an error kind). */
export type VectorIncrements = Partial<Record<VectorColumn, number>>;
/** Whole count vectors, as accumulated and stored. */
export type VectorSums = Partial<Record<VectorColumn, number[]>>;

export interface RollupIncrement {
  dim: RollupDim;
  key: string;
  at: number;
  add: Increments;
  vectors: VectorIncrements;
}

const failAt = (message: string | null, kind?: string) => ROLLUP_ERROR_KINDS.indexOf(errorKindOf(message, kind));
const retryAt = (message: string | null, kind?: string) => ROLLUP_ERROR_KINDS.length + failAt(message, kind);

export function taskIncrements(t: FinishedTask): RollupIncrement[] {
  const add: Increments = {
    n: 1,
    [t.status]: 1,
    cost_usd: t.costUsd,
    input_tokens: t.inputTokens,
    output_tokens: t.outputTokens,
    steps: t.steps,
  };
  const vectors: VectorIncrements = {};
  if (t.cached) add.cache_hits = 1;
  if (t.latencyMs !== null) {
    add.latency_sum = t.latencyMs;
    add.latency_n = 1;
    vectors.lat = latencyBinOf(t.latencyMs);
  }
  if (t.efficient !== null) {
    add.sel_evaluated = 1;
    if (t.efficient) add.sel_efficient = 1;
  }
  return [
    { dim: "task", key: "", at: t.at, add, vectors },
    { dim: "strategy", key: t.strategy, at: t.at, add, vectors },
  ];
}

export function callIncrements(c: FinishedCall): RollupIncrement[] {
  const add: Increments = { n: 1, [c.status]: 1, cost_usd: c.costUsd, input_tokens: c.inputTokens, output_tokens: c.outputTokens };
  const vectors: VectorIncrements = {};
  if (c.status === "failed") vectors.errs = failAt(c.error, c.errorKind);
  if (c.latencyMs !== null) {
    add.latency_sum = c.latencyMs;
    add.latency_n = 1;
    vectors.lat = latencyBinOf(c.latencyMs);
  }
  if (c.firstTokenMs !== null) {
    add.ttft_sum = c.firstTokenMs;
    add.ttft_n = 1;
    vectors.ttft = latencyBinOf(c.firstTokenMs);
  }
  return [
    { dim: "model", key: c.modelId, at: c.at, add, vectors },
    { dim: "capability", key: c.capability ?? "unknown", at: c.at, add, vectors },
  ];
}

export function retryIncrements(r: RetriedCall): RollupIncrement[] {
  return [{ dim: "model", key: r.modelId, at: r.at, add: { retried: 1 }, vectors: { errs: retryAt(r.error, r.errorKind) } }];
}

export function bucketOf(at: number, grain: RollupGrain): number {
  const ms = GRAIN_MS[grain];
  return Math.floor(at / ms) * ms;
}

export interface RollupRow {
  grain: RollupGrain;
  dim: RollupDim;
  bucketStart: number;
  key: string;
  sums: Increments;
  vectors: VectorSums;
}

/**
 * Sums increments per (grain, dim, bucket, key) in memory: the backfill and the seeder write each row once
 * instead of once per task. Increments are added to hour rows (and to minute rows when not older than
 * `minuteSince`: the writer prunes older ones anyway); day rows are derived from the hour rows when read,
 * which keeps a million-task load to one or two map updates per increment.
 */
export class RollupAccumulator {
  private readonly rows = { minute: new Map<string, RollupRow>(), hour: new Map<string, RollupRow>() };

  constructor(private readonly minuteSince: number = Number.NEGATIVE_INFINITY) {}

  add(increments: readonly RollupIncrement[]): void {
    for (const inc of increments) {
      this.addTo("hour", inc);
      if (inc.at >= this.minuteSince) this.addTo("minute", inc);
    }
  }

  private addTo(grain: "minute" | "hour", inc: RollupIncrement) {
    const bucketStart = bucketOf(inc.at, grain);
    const id = `${inc.dim}\u0000${inc.key}\u0000${bucketStart}`;
    let row = this.rows[grain].get(id);
    if (!row) this.rows[grain].set(id, (row = { grain, dim: inc.dim, bucketStart, key: inc.key, sums: {}, vectors: {} }));
    mergeInto(row, inc.add, inc.vectors);
  }

  /** Rows to write: minute and hour rows as accumulated, day rows summed from the hour rows. */
  *values(): IterableIterator<RollupRow> {
    const days = new Map<string, RollupRow>();
    for (const hour of this.rows.hour.values()) {
      const bucketStart = bucketOf(hour.bucketStart, "day");
      const id = `${hour.dim}\u0000${hour.key}\u0000${bucketStart}`;
      let day = days.get(id);
      if (!day) days.set(id, (day = { grain: "day", dim: hour.dim, bucketStart, key: hour.key, sums: {}, vectors: {} }));
      for (const [column, value] of Object.entries(hour.sums) as [SumColumn, number][]) day.sums[column] = (day.sums[column] ?? 0) + value;
      for (const [column, counts] of Object.entries(hour.vectors) as [VectorColumn, number[]][]) {
        const into = (day.vectors[column] ??= zeros(column));
        counts.forEach((n, i) => (into[i]! += n));
      }
      yield hour;
    }
    yield* this.rows.minute.values();
    yield* days.values();
  }

  get size(): number {
    return this.rows.minute.size + this.rows.hour.size;
  }

  clear(): void {
    this.rows.minute.clear();
    this.rows.hour.clear();
  }
}

function mergeInto(row: RollupRow, add: Increments, vectors: VectorIncrements) {
  for (const column in add) row.sums[column as SumColumn] = (row.sums[column as SumColumn] ?? 0) + add[column as SumColumn]!;
  for (const column in vectors) (row.vectors[column as VectorColumn] ??= zeros(column as VectorColumn))[vectors[column as VectorColumn]!]! += 1;
}

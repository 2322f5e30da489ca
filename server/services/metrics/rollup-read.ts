import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { flushDeferredWrites } from "@/db/group-commit";
import { MINUTE_MS, ROLLUP_TABLES, VECTOR_LENGTHS, type RollupDim, type RollupGrain, type SumColumn, type VectorColumn } from "@/db/rollup-layout";
import type { MetricWindow } from "./ranges";
import { coverOf } from "./rollup-cover";
import { addEncoded, encodeVector, zeros } from "./rollup-vectors";
import { statement } from "./statements";

/**
 * Reads of the rollup tables. Windows are aligned to their bucket (ranges.ts), so minute windows read
 * minute rows and hour windows hour rows with no partial buckets at either edge. Every read is a range
 * of the (dim, bucket_start, key) primary key — or of (dim, key, bucket_start) for one key — so its cost
 * grows with the number of buckets and keys, never with the number of tasks.
 */
export function grainOf(window: MetricWindow): RollupGrain {
  return window.bucketMs === MINUTE_MS ? "minute" : "hour";
}

const withAggregate = new WeakSet<Database.Database>();

/** rollup_sum(blob): element-wise sum of stored count vectors over a group, so GROUP BY stays in SQLite. */
function ensureAggregate(db: Db) {
  const sqlite = db.$client;
  if (withAggregate.has(sqlite)) return;
  for (const [column, length] of Object.entries(VECTOR_LENGTHS)) {
    sqlite.aggregate(`rollup_sum_${column}`, {
      start: () => new Array<number>(length).fill(0),
      step: (total: number[], blob: unknown) => addEncoded(total, Buffer.isBuffer(blob) ? blob : null),
      result: (total: number[]) => encodeVector(total),
    });
  }
  withAggregate.add(sqlite);
}

export type Row<C extends SumColumn, V extends VectorColumn> = Record<C, number> & Record<V, number[]>;

/** Decodes the vector columns in place; the caller names the row's type. */
function decode<R>(raw: Record<string, unknown>, vectors: readonly VectorColumn[]): R {
  for (const v of vectors) raw[v] = addEncoded(zeros(v), raw[v] as Buffer | null);
  return raw as R;
}

/** One key's rows in the window, each with its bucket index; vectors decoded to arrays. */
export function readSeries<C extends SumColumn, V extends VectorColumn>(
  db: Db,
  window: MetricWindow,
  dim: RollupDim,
  key: string,
  columns: readonly C[],
  vectors: readonly V[] = [],
): (Row<C, V> & { i: number })[] {
  // the writer holds an open group's increments in memory until its commit: write them first, so this sees them
  flushDeferredWrites(db.$client);
  const table = ROLLUP_TABLES[grainOf(window)];
  const sql = `SELECT (bucket_start - @from) / @bucket AS i, ${[...columns, ...vectors].join(", ")} FROM ${table}
    WHERE dim = @dim AND key = @key AND bucket_start >= @from AND bucket_start < @to`;
  const rows = statement(db, sql).all({ dim, key, from: window.from, to: window.to, bucket: window.bucketMs }) as Record<string, unknown>[];
  return rows.map((r) => decode<Row<C, V> & { i: number }>(r, vectors));
}

/**
 * Column and vector sums per key over the window (or for one key), grouped in SQLite. The window is read
 * through its cover (rollup-cover.ts): day rows for whole days, hour and minute rows only at the edges.
 */
export function readByKey<C extends SumColumn, V extends VectorColumn>(
  db: Db,
  window: MetricWindow,
  dim: RollupDim,
  columns: readonly C[],
  vectors: readonly V[] = [],
  onlyKey?: string,
): (Row<C, V> & { key: string })[] {
  ensureAggregate(db);
  flushDeferredWrites(db.$client);
  const segments = coverOf(window.from, window.to, grainOf(window));
  const keyFilter = onlyKey === undefined ? "" : " AND key = @key";
  const inner = segments
    .map(
      (seg, i) =>
        `SELECT key, ${[...columns, ...vectors].join(", ")} FROM ${ROLLUP_TABLES[seg.grain]} WHERE dim = @dim${keyFilter} AND bucket_start >= @from${i} AND bucket_start < @to${i}`,
    )
    .join(" UNION ALL ");
  const select = [...columns.map((c) => `sum(${c}) AS ${c}`), ...vectors.map((v) => `rollup_sum_${v}(${v}) AS ${v}`)];
  const sql = `SELECT key, ${select.join(", ")} FROM (${inner}) GROUP BY key`;
  const params: Record<string, string | number> = { dim };
  if (onlyKey !== undefined) params.key = onlyKey;
  segments.forEach((seg, i) => {
    params[`from${i}`] = seg.from;
    params[`to${i}`] = seg.to;
  });
  const rows = statement(db, sql).all(params) as Record<string, unknown>[];
  return rows.map((r) => decode<Row<C, V> & { key: string }>(r, vectors));
}

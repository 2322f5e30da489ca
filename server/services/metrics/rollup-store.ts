import type Database from "better-sqlite3";
import { MINUTE_RETENTION_MS, ROLLUP_TABLES, SUM_COLUMNS, VECTOR_COLUMNS, type RollupDim, type RollupGrain, type VectorColumn } from "@/db/rollup-layout";
import type { Increments, RollupRow } from "./rollup-rows";
import { addBlobs, encodeVector } from "./rollup-vectors";

const KNOWN_COLUMNS = new Set<string>([...SUM_COLUMNS, ...VECTOR_COLUMNS]);
const VECTORS = new Set<string>(VECTOR_COLUMNS);
const upserts = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** rollup_add(a, b) adds two stored count vectors; registered on each connection that writes rollups. */
function ensureFunctions(sqlite: Database.Database) {
  sqlite.function("rollup_add", { deterministic: true }, (a: unknown, b: unknown) =>
    addBlobs(Buffer.isBuffer(a) ? a : null, Buffer.isBuffer(b) ? b : null),
  );
}

/**
 * One prepared UPSERT per (table, set of columns touched): a finished call touches ~10 columns, and
 * binding only those keeps the hot path to a few microseconds per row.
 */
function upsertFor(sqlite: Database.Database, grain: RollupGrain, columns: readonly string[], columnList = columns.join(",")): Database.Statement {
  let byShape = upserts.get(sqlite);
  if (!byShape) {
    ensureFunctions(sqlite);
    upserts.set(sqlite, (byShape = new Map()));
  }
  const shape = `${grain}:${columnList}`;
  let statement = byShape.get(shape);
  if (!statement) {
    for (const c of columns) if (!KNOWN_COLUMNS.has(c)) throw new Error(`metric rollups: unknown column ${c}`);
    const table = ROLLUP_TABLES[grain];
    const set = columns.map((c) => (VECTORS.has(c) ? `${c} = rollup_add(${c}, excluded.${c})` : `${c} = ${c} + excluded.${c}`));
    const sql =
      `INSERT INTO ${table} (dim, bucket_start, key, ${columns.join(", ")}) VALUES (?, ?, ?, ${columns.map(() => "?").join(", ")}) ` +
      `ON CONFLICT (dim, bucket_start, key) DO UPDATE SET ${set.join(", ")}`;
    byShape.set(shape, (statement = sqlite.prepare(sql)));
  }
  return statement;
}

/**
 * Adds sums and encoded count vectors to a stored row (inserting it when absent), binding only the columns
 * given: the statement for that set of columns is prepared once. Columns go in the layout's fixed order, so
 * one pass over it builds both the statement's shape and its values.
 */
export function upsertRollup(
  sqlite: Database.Database,
  grain: RollupGrain,
  dim: RollupDim,
  bucketStart: number,
  key: string,
  sums: Increments,
  vectors: Partial<Record<VectorColumn, Buffer>>,
): void {
  const columns: string[] = [];
  const values: (string | number | Buffer)[] = [dim, bucketStart, key];
  for (const c of SUM_COLUMNS) {
    const v = sums[c];
    if (v === undefined) continue;
    columns.push(c);
    values.push(v);
  }
  for (const c of VECTOR_COLUMNS) {
    const v = vectors[c];
    if (v === undefined) continue;
    columns.push(c);
    values.push(v);
  }
  upsertFor(sqlite, grain, columns, columns.join(",")).run(values);
}

/** Bulk writes (backfill, seeding): one statement shape with every column, zeros and NULLs where a row has nothing. */
export function writeRollupRows(sqlite: Database.Database, rows: Iterable<RollupRow>): void {
  const columns = [...SUM_COLUMNS, ...VECTOR_COLUMNS];
  for (const row of rows) {
    const values = [...SUM_COLUMNS.map((c) => row.sums[c] ?? 0), ...VECTOR_COLUMNS.map((c) => (row.vectors[c] ? encodeVector(row.vectors[c]) : null))];
    upsertFor(sqlite, row.grain, columns).run(row.dim, row.bucketStart, row.key, ...values);
  }
}

/** Drops minute rows past their retention; hour rows are kept for the long ranges. */
export function pruneMinuteRollups(sqlite: Database.Database, now: number): number {
  return sqlite
    .prepare(`DELETE FROM ${ROLLUP_TABLES.minute} WHERE dim IN ('task', 'strategy', 'model', 'capability') AND bucket_start < ?`)
    .run(now - MINUTE_RETENTION_MS).changes;
}

import type Database from "better-sqlite3";
import type { DeferredWrites } from "@/db/group-commit";
import { ROLLUP_GRAINS, VECTOR_LENGTHS, type RollupDim, type RollupGrain, type SumColumn, type VectorColumn } from "@/db/rollup-layout";
import { bucketOf, type Increments, type RollupIncrement } from "./rollup-rows";
import { upsertRollup } from "./rollup-store";
import { encodedUnit } from "./rollup-vectors";

interface HeldRow {
  grain: RollupGrain;
  dim: RollupDim;
  bucketStart: number;
  key: string;
  sums: Increments;
  /** per vector column, the position of every single count added (usually one: encoded from a shared unit) */
  counts: Partial<Record<VectorColumn, number[]>>;
}

/** The stored form of the counts at `positions`: a shared unit vector for one count, else a fresh vector. */
function encodeCounts(column: VectorColumn, positions: readonly number[]): Buffer {
  if (positions.length === 1) return encodedUnit(column, positions[0]!);
  const buf = Buffer.alloc(VECTOR_LENGTHS[column] * 4);
  for (const p of positions) buf.writeUInt32LE(buf.readUInt32LE(p * 4) + 1, p * 4);
  return buf;
}

/**
 * Rollup increments of one connection not yet written, summed per (grain, dim, bucket, key): a burst of tasks
 * in the same minute on the same model becomes one UPSERT per row instead of one per task. Written as one
 * savepoint, so a failing row leaves no half-applied sums behind (and is logged: a metrics fault must not fail
 * the tasks whose events share the transaction).
 */
export class PendingRollups implements DeferredWrites {
  private readonly rows = new Map<string, HeldRow>();
  private readonly writeAll: () => void;

  constructor(sqlite: Database.Database) {
    this.writeAll = sqlite.transaction(() => {
      for (const row of this.rows.values()) {
        const vectors: Partial<Record<VectorColumn, Buffer>> = {};
        for (const column in row.counts) vectors[column as VectorColumn] = encodeCounts(column as VectorColumn, row.counts[column as VectorColumn]!);
        upsertRollup(sqlite, row.grain, row.dim, row.bucketStart, row.key, row.sums, vectors);
      }
    });
  }

  add(increments: readonly RollupIncrement[]): void {
    for (const inc of increments) {
      for (const grain of ROLLUP_GRAINS) {
        const bucketStart = bucketOf(inc.at, grain);
        const id = `${grain}\u0000${inc.dim}\u0000${bucketStart}\u0000${inc.key}`;
        let row = this.rows.get(id);
        if (!row) this.rows.set(id, (row = { grain, dim: inc.dim, bucketStart, key: inc.key, sums: {}, counts: {} }));
        for (const column in inc.add) row.sums[column as SumColumn] = (row.sums[column as SumColumn] ?? 0) + inc.add[column as SumColumn]!;
        for (const column in inc.vectors) (row.counts[column as VectorColumn] ??= []).push(inc.vectors[column as VectorColumn]!);
      }
    }
  }

  /** rows held (one per grain, dim, bucket and key) */
  get size(): number {
    return this.rows.size;
  }

  flush(): void {
    if (this.rows.size === 0) return;
    try {
      this.writeAll();
    } catch (error) {
      console.error("Ensemble: metric rollups not updated (the sums held for this commit are dropped):", error);
    } finally {
      this.rows.clear();
    }
  }

  discard(): void {
    this.rows.clear();
  }
}

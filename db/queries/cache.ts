import type Database from "better-sqlite3";
import { asc, count, eq, gt, gte, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { resultCache, tasks } from "../schema";

export type ResultCacheRow = typeof resultCache.$inferSelect;

/** The lookup runs for every task that may use the cache: prepared once per connection, not rebuilt per call. */
const prepared = new WeakMap<Database.Database, { find: Database.Statement; touch: Database.Statement }>();
function statements(db: Db) {
  let found = prepared.get(db.$client);
  if (!found) {
    found = {
      find: db.$client.prepare("SELECT output, model_id AS modelId, task_id AS taskId FROM result_cache WHERE key = ? AND expires_at > ? AND created_at > ?"),
      touch: db.$client.prepare("UPDATE result_cache SET hits = hits + 1, last_used_at = ? WHERE key = ?"),
    };
    prepared.set(db.$client, found);
  }
  return found;
}

/** A live entry's answer: unexpired, and stored after `storedAfter` (a TTL lowered since applies to old entries too). */
export function findLiveEntry(db: Db, key: string, now: number, storedAfter: number): Pick<ResultCacheRow, "output" | "modelId" | "taskId"> | undefined {
  return statements(db).find.get(key, now, storedAfter) as Pick<ResultCacheRow, "output" | "modelId" | "taskId"> | undefined;
}

export function deleteEntry(db: Db, key: string): void {
  db.delete(resultCache).where(eq(resultCache.key, key)).run();
}

export function markEntryUsed(db: Db, key: string, now: number): void {
  statements(db).touch.run(now, key);
}

/** Inserts or refreshes an entry (a newer answer for the same request replaces the old one). */
export function upsertEntry(db: Db, row: typeof resultCache.$inferInsert): void {
  const { key: _key, ...rest } = row;
  db.insert(resultCache).values(row).onConflictDoUpdate({ target: resultCache.key, set: { ...rest, hits: 0 } }).run();
}

export function countEntries(db: Db): number {
  return db.select({ n: count() }).from(resultCache).get()?.n ?? 0;
}

export function countLiveEntries(db: Db, now: number): number {
  return db.select({ n: count() }).from(resultCache).where(gt(resultCache.expiresAt, now)).get()?.n ?? 0;
}

export function deleteExpired(db: Db, now: number): number {
  return db.delete(resultCache).where(lte(resultCache.expiresAt, now)).run().changes;
}

/** Deletes the least recently used entries until at most `keep` remain. */
export function evictLeastRecentlyUsed(db: Db, keep: number): number {
  const excess = countEntries(db) - keep;
  if (excess <= 0) return 0;
  const victims = db.select({ key: resultCache.key }).from(resultCache).orderBy(asc(resultCache.lastUsedAt)).limit(excess);
  return db
    .delete(resultCache)
    .where(sql`${resultCache.key} in ${victims}`)
    .run().changes;
}

/** Lookups recorded on tasks (tasks.cache_hit): hits and misses, optionally since a time. */
export function cacheOutcomes(db: Db, since?: number): { hits: number; misses: number } {
  const row = db
    .select({
      hits: sql<number>`coalesce(sum(case when ${tasks.cacheHit} = 1 then 1 else 0 end), 0)`,
      misses: sql<number>`coalesce(sum(case when ${tasks.cacheHit} = 0 then 1 else 0 end), 0)`,
    })
    .from(tasks)
    .where(since === undefined ? undefined : gte(tasks.createdAt, since))
    .get();
  return { hits: Number(row?.hits ?? 0), misses: Number(row?.misses ?? 0) };
}

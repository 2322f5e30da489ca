import { and, eq, gte, isNotNull, sql, sum } from "drizzle-orm";
import type { Db } from "../client";
import { apiKeys, tasks } from "../schema";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export function listApiKeys(db: Db): ApiKeyRow[] {
  return db.select().from(apiKeys).orderBy(sql`${apiKeys.createdAt} desc`).all();
}

export function findApiKey(db: Db, id: string): ApiKeyRow | undefined {
  return db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
}

export function insertApiKey(db: Db, row: typeof apiKeys.$inferInsert): void {
  db.insert(apiKeys).values(row).run();
}

export function revokeApiKey(db: Db, id: string, at: number): void {
  db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id)).run();
}

/** One statement for all the keys touched since the last flush (lastUsedAt is advisory, batched). */
export function touchApiKeys(db: Db, touched: ReadonlyMap<string, number>): void {
  db.transaction((tx) => {
    for (const [id, at] of touched) tx.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id)).run();
  });
}

/** Each key's spend on tasks created since `from` (the month's start). */
export function spendByKeySince(db: Db, from: number): Array<{ apiKeyId: string; spent: number }> {
  return db
    .select({ apiKeyId: tasks.apiKeyId, spent: sum(tasks.costUsd) })
    .from(tasks)
    .where(and(isNotNull(tasks.apiKeyId), gte(tasks.createdAt, from)))
    .groupBy(tasks.apiKeyId)
    .all()
    .flatMap((r) => (r.apiKeyId ? [{ apiKeyId: r.apiKeyId, spent: Number(r.spent ?? 0) }] : []));
}

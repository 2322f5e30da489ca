import { and, asc, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../client";
import { capabilityProfiles, profileHistory, taskFeedback } from "../schema";

export type ProfileRow = typeof capabilityProfiles.$inferSelect;
export type HistoryRow = typeof profileHistory.$inferSelect;

export function findProfile(db: Db, modelId: string, capability: string): ProfileRow | undefined {
  return db
    .select()
    .from(capabilityProfiles)
    .where(and(eq(capabilityProfiles.modelId, modelId), eq(capabilityProfiles.capability, capability)))
    .get();
}

export function updateProfile(db: Db, modelId: string, capability: string, patch: Partial<typeof capabilityProfiles.$inferInsert>): number {
  return db
    .update(capabilityProfiles)
    .set(patch)
    .where(and(eq(capabilityProfiles.modelId, modelId), eq(capabilityProfiles.capability, capability)))
    .run().changes;
}

export function insertHistory(db: Db, row: typeof profileHistory.$inferInsert): void {
  db.insert(profileHistory).values(row).run();
}

export function lastHistory(db: Db, modelId: string, capability: string): HistoryRow | undefined {
  return db
    .select()
    .from(profileHistory)
    .where(and(eq(profileHistory.modelId, modelId), eq(profileHistory.capability, capability)))
    .orderBy(desc(profileHistory.at), desc(profileHistory.id))
    .limit(1)
    .get();
}

export function listHistory(db: Db, modelId: string, since = 0): HistoryRow[] {
  return db
    .select()
    .from(profileHistory)
    .where(and(eq(profileHistory.modelId, modelId), gte(profileHistory.at, since)))
    .orderBy(asc(profileHistory.at), asc(profileHistory.id))
    .all();
}

export function upsertFeedback(db: Db, row: typeof taskFeedback.$inferInsert): void {
  db.insert(taskFeedback)
    .values(row)
    .onConflictDoUpdate({ target: [taskFeedback.taskId, taskFeedback.userId], set: { value: row.value, at: row.at } })
    .run();
}

export function feedbackOf(db: Db, taskId: string) {
  return db.select().from(taskFeedback).where(eq(taskFeedback.taskId, taskId)).all();
}

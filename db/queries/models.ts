import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { capabilityProfiles, models, providers } from "../schema";

export type ModelRow = typeof models.$inferSelect;
export type ProfileRow = typeof capabilityProfiles.$inferSelect;

export function listModelsWithProvider(db: Db) {
  return db
    .select({ model: models, provider: { id: providers.id, name: providers.name, kind: providers.kind } })
    .from(models)
    .innerJoin(providers, eq(models.providerId, providers.id))
    .orderBy(asc(models.name))
    .all();
}

export function findModel(db: Db, id: string): ModelRow | undefined {
  return db.select().from(models).where(eq(models.id, id)).get();
}

export function insertModel(db: Db, row: typeof models.$inferInsert): void {
  db.insert(models).values(row).run();
}

export function updateModel(db: Db, id: string, patch: Partial<typeof models.$inferInsert>): number {
  return db.update(models).set(patch).where(eq(models.id, id)).run().changes;
}

export function deleteModel(db: Db, id: string): number {
  return db.delete(models).where(eq(models.id, id)).run().changes;
}

export function listProfiles(db: Db): ProfileRow[] {
  return db.select().from(capabilityProfiles).all();
}

export function listProfilesOfModel(db: Db, modelId: string): ProfileRow[] {
  return db.select().from(capabilityProfiles).where(eq(capabilityProfiles.modelId, modelId)).all();
}

export function upsertProfile(db: Db, row: typeof capabilityProfiles.$inferInsert): void {
  db.insert(capabilityProfiles)
    .values(row)
    .onConflictDoUpdate({
      target: [capabilityProfiles.modelId, capabilityProfiles.capability],
      set: { alpha: row.alpha, beta: row.beta, source: row.source, updatedAt: row.updatedAt },
    })
    .run();
}

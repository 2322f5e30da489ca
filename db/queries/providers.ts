import { asc, count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { models, providers } from "../schema";

export type ProviderRow = typeof providers.$inferSelect;

export function listProviders(db: Db): ProviderRow[] {
  return db.select().from(providers).orderBy(asc(providers.name)).all();
}

export function findProvider(db: Db, id: string): ProviderRow | undefined {
  return db.select().from(providers).where(eq(providers.id, id)).get();
}

export function findProviderByName(db: Db, name: string): ProviderRow | undefined {
  return db.select().from(providers).where(eq(providers.name, name)).get();
}

export function insertProvider(db: Db, row: typeof providers.$inferInsert): void {
  db.insert(providers).values(row).run();
}

export function deleteProvider(db: Db, id: string): number {
  return db.delete(providers).where(eq(providers.id, id)).run().changes;
}

export function countModelsOfProvider(db: Db, providerId: string): number {
  return db.select({ n: count() }).from(models).where(eq(models.providerId, providerId)).get()?.n ?? 0;
}

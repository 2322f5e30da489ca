import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { discoveryProbes, discoveryRuns, suiteItems, suites } from "../schema";

export type DiscoveryRunRow = typeof discoveryRuns.$inferSelect;

export function insertRun(db: Db, row: typeof discoveryRuns.$inferInsert): void {
  db.insert(discoveryRuns).values(row).run();
}

export function updateRun(db: Db, id: string, patch: Partial<typeof discoveryRuns.$inferInsert>): void {
  db.update(discoveryRuns).set(patch).where(eq(discoveryRuns.id, id)).run();
}

export function findRun(db: Db, id: string): DiscoveryRunRow | undefined {
  return db.select().from(discoveryRuns).where(eq(discoveryRuns.id, id)).get();
}

export function listRunsOfModel(db: Db, modelId: string, limit = 20): DiscoveryRunRow[] {
  return db.select().from(discoveryRuns).where(eq(discoveryRuns.modelId, modelId)).orderBy(desc(discoveryRuns.startedAt)).limit(limit).all();
}

export function listRunsWithStatus(db: Db, status: DiscoveryRunRow["status"]) {
  return db.select({ id: discoveryRuns.id }).from(discoveryRuns).where(eq(discoveryRuns.status, status)).all();
}

export function insertProbe(db: Db, row: typeof discoveryProbes.$inferInsert): void {
  db.insert(discoveryProbes).values(row).run();
}

export function listProbes(db: Db, runId: string) {
  return db.select().from(discoveryProbes).where(eq(discoveryProbes.runId, runId)).orderBy(asc(discoveryProbes.id)).all();
}

export function listSuites(db: Db) {
  return db.select().from(suites).orderBy(asc(suites.name)).all();
}

export function findSuite(db: Db, id: string) {
  return db.select().from(suites).where(eq(suites.id, id)).get();
}

export function insertSuite(db: Db, row: typeof suites.$inferInsert): void {
  db.insert(suites).values(row).run();
}

export function deleteSuite(db: Db, id: string): number {
  return db.delete(suites).where(eq(suites.id, id)).run().changes;
}

export function listSuiteItems(db: Db, suiteId: string) {
  return db.select().from(suiteItems).where(eq(suiteItems.suiteId, suiteId)).orderBy(asc(suiteItems.createdAt)).all();
}

export function findSuiteItem(db: Db, id: string) {
  return db.select().from(suiteItems).where(eq(suiteItems.id, id)).get();
}

export function insertSuiteItem(db: Db, row: typeof suiteItems.$inferInsert): void {
  db.insert(suiteItems).values(row).run();
}

export function deleteSuiteItem(db: Db, id: string): number {
  return db.delete(suiteItems).where(eq(suiteItems.id, id)).run().changes;
}

import { and, asc, count, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { messages, taskEvents, tasks, taskSteps, TASK_STATUSES } from "../schema";

export type TaskRow = typeof tasks.$inferSelect;
export type TaskStepRow = typeof taskSteps.$inferSelect;
export type TaskEventRow = typeof taskEvents.$inferSelect;
export type TaskStatusValue = (typeof TASK_STATUSES)[number];

export interface TaskFilter {
  status?: TaskStatusValue;
  modelId?: string;
  search?: string;
  from?: number;
  to?: number;
}

function whereOf(filter: TaskFilter): SQL | undefined {
  const clauses: SQL[] = [];
  if (filter.status) clauses.push(eq(tasks.status, filter.status));
  if (filter.modelId) clauses.push(eq(tasks.modelId, filter.modelId));
  if (filter.from !== undefined) clauses.push(gte(tasks.createdAt, filter.from));
  if (filter.to !== undefined) clauses.push(lte(tasks.createdAt, filter.to));
  if (filter.search) clauses.push(like(tasks.prompt, `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  return clauses.length ? and(...clauses) : undefined;
}

export function listTasks(db: Db, filter: TaskFilter, page: number, pageSize: number) {
  const where = whereOf(filter);
  const items = db
    .select({
      id: tasks.id,
      prompt: tasks.prompt,
      status: tasks.status,
      strategy: tasks.strategy,
      modelId: tasks.modelId,
      primaryCapability: tasks.primaryCapability,
      costUsd: tasks.costUsd,
      latencyMs: tasks.latencyMs,
      inputTokens: tasks.inputTokens,
      outputTokens: tasks.outputTokens,
      source: tasks.source,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .where(where)
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: count() }).from(tasks).where(where).get()?.n ?? 0;
  return { items, total };
}

export function findTask(db: Db, id: string): TaskRow | undefined {
  return db.select().from(tasks).where(eq(tasks.id, id)).get();
}

export function insertTask(db: Db, row: typeof tasks.$inferInsert): void {
  db.insert(tasks).values(row).run();
}

export function updateTask(db: Db, id: string, patch: Partial<typeof tasks.$inferInsert>): void {
  db.update(tasks).set(patch).where(eq(tasks.id, id)).run();
}

export function listSteps(db: Db, taskId: string): TaskStepRow[] {
  return db.select().from(taskSteps).where(eq(taskSteps.taskId, taskId)).orderBy(asc(taskSteps.stepIndex)).all();
}

export function insertStep(db: Db, row: typeof taskSteps.$inferInsert): void {
  db.insert(taskSteps).values(row).run();
}

export function updateStep(db: Db, taskId: string, stepIndex: number, patch: Partial<typeof taskSteps.$inferInsert>): void {
  db.update(taskSteps)
    .set(patch)
    .where(and(eq(taskSteps.taskId, taskId), eq(taskSteps.stepIndex, stepIndex)))
    .run();
}

export function appendEvent(db: Db, row: typeof taskEvents.$inferInsert): number {
  return Number(db.insert(taskEvents).values(row).run().lastInsertRowid);
}

export function listEvents(db: Db, taskId: string, afterId = 0): TaskEventRow[] {
  return db
    .select()
    .from(taskEvents)
    .where(and(eq(taskEvents.taskId, taskId), gte(taskEvents.id, afterId + 1)))
    .orderBy(asc(taskEvents.id))
    .all();
}

export function insertMessage(db: Db, row: typeof messages.$inferInsert): void {
  db.insert(messages).values(row).run();
}

export function listMessages(db: Db, taskId: string) {
  return db.select().from(messages).where(eq(messages.taskId, taskId)).orderBy(asc(messages.id)).all();
}

export function listTasksWithStatus(db: Db, status: TaskStatusValue) {
  return db.select({ id: tasks.id }).from(tasks).where(eq(tasks.status, status)).all();
}

export function taskCountsByStatus(db: Db) {
  return db.select({ status: tasks.status, n: count() }).from(tasks).groupBy(tasks.status).all();
}

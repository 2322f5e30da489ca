import { and, count, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { flushDeferredWrites } from "../group-commit";
import { ROLLUP_TABLES } from "../rollup-layout";
import { insertRow, selectRows, statement, updateRows } from "../statements";
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
      cacheHit: tasks.cacheHit,
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

// The task engine's per-event reads and writes use statements prepared once (db/statements.ts): Drizzle's
// query building and re-preparing cost more than the writes themselves at gateway rates.

export function findTask(db: Db, id: string): TaskRow | undefined {
  return selectRows<TaskRow>(db.$client, tasks, `"id" = ?`, [id])[0];
}

export function insertTask(db: Db, row: typeof tasks.$inferInsert): void {
  insertRow(db.$client, tasks, row);
}

export function updateTask(db: Db, id: string, patch: Partial<typeof tasks.$inferInsert>): void {
  updateRows(db.$client, tasks, patch, { id });
}

export function listSteps(db: Db, taskId: string): TaskStepRow[] {
  return selectRows<TaskStepRow>(db.$client, taskSteps, `"task_id" = ?`, [taskId], `order by "step_index" asc`);
}

export function insertStep(db: Db, row: typeof taskSteps.$inferInsert): void {
  insertRow(db.$client, taskSteps, row);
}

export function updateStep(db: Db, taskId: string, stepIndex: number, patch: Partial<typeof taskSteps.$inferInsert>): void {
  updateRows(db.$client, taskSteps, patch, { taskId, stepIndex });
}

const APPEND_EVENT = `insert into "task_events" ("task_id", "type", "payload", "at") values (?, ?, ?, ?)`;

/** One statement with its four columns bound directly: the hottest write of all, no per-column mapping. */
export function appendEvent(db: Db, row: { taskId: string; type: string; payload: unknown; at: number }): number {
  return Number(statement(db.$client, APPEND_EVENT).run(row.taskId, row.type, JSON.stringify(row.payload), row.at).lastInsertRowid);
}

/** Takes an event back out (the recorder's undo when the event's projection failed in the same transaction). */
export function deleteEvent(db: Db, id: number): void {
  statement(db.$client, `delete from "task_events" where "id" = ?`).run(id);
}

export function listEvents(db: Db, taskId: string, afterId = 0): TaskEventRow[] {
  return selectRows<TaskEventRow>(db.$client, taskEvents, `"task_id" = ? and "id" >= ?`, [taskId, afterId + 1], `order by "id" asc`);
}

/** The event that ended a task (task.completed or task.failed), if it has ended; the newest should there be several. */
export function findTerminalEvent(db: Db, taskId: string): TaskEventRow | undefined {
  return selectRows<TaskEventRow>(
    db.$client,
    taskEvents,
    `"task_id" = ? and "type" in ('task.completed', 'task.failed')`,
    [taskId],
    `order by "id" desc limit 1`,
  )[0];
}

export function insertMessage(db: Db, row: typeof messages.$inferInsert): void {
  insertRow(db.$client, messages, row);
}

export function listMessages(db: Db, taskId: string): Array<typeof messages.$inferSelect> {
  return selectRows<typeof messages.$inferSelect>(db.$client, messages, `"task_id" = ?`, [taskId], `order by "id" asc`);
}

export function listTasksWithStatus(db: Db, status: TaskStatusValue) {
  return db.select({ id: tasks.id }).from(tasks).where(eq(tasks.status, status)).all();
}

/**
 * Tasks per status without counting every task: queued and running ones through the status index (a few
 * rows), finished ones from the day rollups the task recorder keeps in the same transaction as each
 * task's end (one row per day), so a million-task database answers in about a millisecond.
 */
export function taskCountsByStatus(db: Db): Record<TaskStatusValue, number> {
  const counts: Record<TaskStatusValue, number> = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
  const active = statement(db.$client, `select status, count(*) as n from tasks where status in ('queued', 'running') group by status`).all() as Array<{
    status: "queued" | "running";
    n: number;
  }>;
  for (const row of active) counts[row.status] = row.n;
  // finished tasks of the open group are counted in memory until it commits (rollups are deferred): write them first
  flushDeferredWrites(db.$client);
  const finished = statement(
    db.$client,
    `select coalesce(sum(completed), 0) as completed, coalesce(sum(failed), 0) as failed, coalesce(sum(cancelled), 0) as cancelled
     from ${ROLLUP_TABLES.day} where dim = 'task' and key = ''`,
  ).get() as { completed: number; failed: number; cancelled: number };
  return { ...counts, ...finished };
}

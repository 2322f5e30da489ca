import { and, asc, count, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { tasks, taskSteps, type TASK_STATUSES } from "../schema";
import { updateRows } from "../statements";

type TaskStatusValue = (typeof TASK_STATUSES)[number];

/**
 * Queries of the durable task queue. The queue is the tasks table itself: a `queued` row is an accepted
 * task waiting for a worker, found oldest-first through tasks_status_created_idx.
 */

/** The oldest queued task ids, at most `limit`. */
export function oldestQueuedIds(db: Db, limit: number): string[] {
  return db
    .select({ id: tasks.id })
    .from(tasks)
    .where(eq(tasks.status, "queued"))
    .orderBy(asc(tasks.createdAt), asc(tasks.id))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

export function countWithStatus(db: Db, status: TaskStatusValue): number {
  return db.select({ n: count() }).from(tasks).where(eq(tasks.status, status)).get()?.n ?? 0;
}

/** Of these task ids, the ones whose row is no longer `running` (finished or cancelled by another process). */
export function noLongerRunning(db: Db, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  return db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(inArray(tasks.id, [...ids]), ne(tasks.status, "running")))
    .all()
    .map((r) => r.id);
}

/**
 * Ends a running task, unless someone else ended it first (a cancel from the CLI, another process):
 * returns false then, and the caller records no second terminal event.
 */
export function finishRunningTask(db: Db, id: string, patch: Partial<typeof tasks.$inferInsert>): boolean {
  return updateRows(db.$client, tasks, patch, { id, status: "running" }) === 1;
}

/** Moves a queued task to running (the worker's claim); false when it is not queued any more. */
export function claimQueuedTask(db: Db, id: string, patch: Partial<typeof tasks.$inferInsert>): boolean {
  return updateRows(db.$client, tasks, patch, { id, status: "queued" }) === 1;
}

/** Cancels a task that is still queued or running; false when it had already ended. */
export function cancelActiveTask(db: Db, id: string, patch: Partial<typeof tasks.$inferInsert>): boolean {
  return (
    db
      .update(tasks)
      .set(patch)
      .where(and(eq(tasks.id, id), inArray(tasks.status, ["queued", "running"])))
      .run().changes === 1
  );
}

/**
 * Drops the row of a step attempt a crash interrupted, so the resumed run can record its new attempt under the
 * same index (indexes are allocated in the same order on every run). The attempt stays in task_events.
 */
export function deleteStepAttempt(db: Db, taskId: string, stepIndex: number): void {
  db.delete(taskSteps)
    .where(and(eq(taskSteps.taskId, taskId), eq(taskSteps.stepIndex, stepIndex)))
    .run();
}

export interface TaskSummaryFilter {
  status?: TaskStatusValue;
  limit: number;
}

/** Newest first: the CLI's `tasks list`. */
export function listTaskSummaries(db: Db, filter: TaskSummaryFilter) {
  const where: SQL | undefined = filter.status ? eq(tasks.status, filter.status) : undefined;
  return db
    .select({
      id: tasks.id,
      status: tasks.status,
      strategy: tasks.strategy,
      modelId: tasks.modelId,
      costUsd: tasks.costUsd,
      createdAt: tasks.createdAt,
      completedAt: tasks.completedAt,
      source: tasks.source,
      cacheHit: tasks.cacheHit,
      error: tasks.error,
      prompt: tasks.prompt,
    })
    .from(tasks)
    .where(where)
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(filter.limit)
    .all();
}

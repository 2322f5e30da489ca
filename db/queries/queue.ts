import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { tasks, taskSteps, type TASK_STATUSES } from "../schema";
import { statement, updateRows } from "../statements";

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

/** Of these task ids, the ones whose row has ended (completed, failed or cancelled). */
export function endedAmong(db: Db, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  return db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(inArray(tasks.id, [...ids]), inArray(tasks.status, ["completed", "failed", "cancelled"])))
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

/** A task's completed steps summed in SQL, for the row being updated: read and written by one statement. */
const completedStepsSum = (column: "cost_usd" | "input_tokens" | "output_tokens") =>
  `(select coalesce(sum(s.${column}), 0) from task_steps s where s.task_id = "tasks"."id" and s.status = 'completed')`;

/**
 * Cancels a task that is still queued or running; false when it had already ended. The steps it completed stay
 * billed: one running elsewhere (the server, cancelled from the CLI) or waiting to resume has paid for them, and
 * summing them in the UPDATE itself leaves no gap in which a step could complete unbilled.
 */
export function cancelActiveTask(db: Db, id: string, patch: Partial<typeof tasks.$inferInsert>): boolean {
  return (
    db
      .update(tasks)
      .set({
        ...patch,
        costUsd: sql.raw(completedStepsSum("cost_usd")),
        inputTokens: sql.raw(completedStepsSum("input_tokens")),
        outputTokens: sql.raw(completedStepsSum("output_tokens")),
      })
      .where(and(eq(tasks.id, id), inArray(tasks.status, ["queued", "running"])))
      .run().changes === 1
  );
}

export interface Rebilled {
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
}

const SPENT_ON_ROW = `select cost_usd as costUsd, input_tokens as inputTokens, output_tokens as outputTokens from tasks where id = ?`;
const REBILL_ENDED = `update tasks set cost_usd = ${completedStepsSum("cost_usd")}, input_tokens = ${completedStepsSum("input_tokens")},
  output_tokens = ${completedStepsSum("output_tokens")} where id = ? and status <> 'running'`;

/**
 * For a task another process ended while this one was running it (a CLI cancel): bills it anew from every step
 * it completed, those that finished here after the other process had billed it included. Returns what that
 * added (zeros when nothing finished in between), or undefined when the task is missing or still running.
 */
export function rebillEndedTask(db: Db, id: string): Rebilled | undefined {
  const before = statement(db.$client, SPENT_ON_ROW).get(id) as Rebilled | undefined;
  if (!before || statement(db.$client, REBILL_ENDED).run(id).changes !== 1) return undefined;
  const after = statement(db.$client, SPENT_ON_ROW).get(id) as Rebilled;
  return {
    costUsd: after.costUsd - before.costUsd,
    inputTokens: after.inputTokens - before.inputTokens,
    outputTokens: after.outputTokens - before.outputTokens,
  };
}

/** Model calls a task started after the event `eventId`: the ids of task_events are the order of its history. */
export function stepsStartedAfter(db: Db, taskId: string, eventId: number): number {
  const row = statement(db.$client, `select count(*) as n from task_events where task_id = ? and type = 'step.started' and id > ?`).get(taskId, eventId) as { n: number };
  return row.n;
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

import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { groupOpen, registerDeferredWrites } from "@/db/group-commit";
import { HOUR_MS } from "@/db/rollup-layout";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { PendingRollups } from "./rollup-pending";
import { callIncrements, retryIncrements, taskIncrements, type RollupIncrement } from "./rollup-rows";
import { TASK_FIGURES_SQL, type TaskFigures } from "./rollup-sql";
import { pruneMinuteRollups } from "./rollup-store";
import { num, statement } from "./statements";

// The pipeline writes the task row's cost, tokens and latency before it records task.completed /
// task.failed, so reading it by primary key inside the recorder's transaction sees the final figures.
const TASK_SQL = `SELECT ${TASK_FIGURES_SQL} FROM tasks t WHERE t.id = ?`;
const CAPABILITY_SQL = `SELECT primary_capability AS capability FROM tasks WHERE id = ?`;


function capabilityOf(db: Db, taskId: string): string | null {
  const row = statement(db, CAPABILITY_SQL).get(taskId) as { capability: string | null } | undefined;
  return row?.capability ?? null;
}

/** The increments an event causes; empty for events that change no counter. */
export function incrementsOf(db: Db, event: TaskEvent, at: number): RollupIncrement[] {
  switch (event.type) {
    case "task.completed":
    case "task.failed": {
      const row = statement(db, TASK_SQL).get(event.taskId) as TaskFigures | undefined;
      if (!row) return [];
      // `cached` is added to task.completed by the result cache; read defensively so an older event shape counts as a miss
      const cached = (event as { cached?: unknown }).cached === true;
      return taskIncrements({
        at,
        status: event.status,
        strategy: row.strategy ?? "unknown",
        costUsd: num(row.cost),
        inputTokens: num(row.tin),
        outputTokens: num(row.tout),
        latencyMs: row.latency,
        steps: row.steps,
        cached,
        efficient: row.efficient === null ? null : row.efficient === 1,
      });
    }
    case "step.completed":
      return callIncrements({
        at,
        modelId: event.modelId,
        capability: capabilityOf(db, event.taskId),
        status: "completed",
        latencyMs: Math.round(event.latencyMs),
        firstTokenMs: event.firstTokenMs === undefined ? null : Math.round(event.firstTokenMs),
        inputTokens: event.inputTokens,
        outputTokens: event.outputTokens,
        costUsd: event.costUsd,
        error: null,
      });
    case "step.failed":
      return callIncrements({
        at,
        modelId: event.modelId,
        capability: capabilityOf(db, event.taskId),
        status: "failed",
        latencyMs: null,
        firstTokenMs: null,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        error: event.error,
        errorKind: event.errorKind,
      });
    case "step.retried":
      return retryIncrements({ at, modelId: event.modelId, error: event.error, errorKind: event.errorKind });
    default:
      return [];
  }
}

const lastPrunedHour = new WeakMap<Database.Database, number>();
const pendingByConnection = new WeakMap<Database.Database, PendingRollups>();

function pendingOf(sqlite: Database.Database): PendingRollups {
  let pending = pendingByConnection.get(sqlite);
  if (!pending) {
    pendingByConnection.set(sqlite, (pending = new PendingRollups(sqlite)));
    registerDeferredWrites(sqlite, pending);
  }
  return pending;
}

/**
 * Adds the minute, hour and day rollups an event causes. Call it after the event's own writes succeeded, in
 * the transaction that holds them. Inside a group commit (db/group-commit.ts) the increments are summed in
 * memory and written right before the group commits, so events and rollups still commit (or roll back)
 * together; readers of the rollups on this connection flush them first (flushDeferredWrites). Outside a
 * group they are written at once. Once per hour per connection it also drops minute rows past their
 * retention (a range delete on the primary key).
 */
export function applyRollups(db: Db, event: TaskEvent, at: number): void {
  const sqlite = db.$client;
  try {
    const increments = incrementsOf(db, event, at);
    if (increments.length === 0) return;
    const pending = pendingOf(sqlite);
    pending.add(increments);
    if (!groupOpen(sqlite)) pending.flush();
    const hour = Math.floor(at / HOUR_MS);
    if (lastPrunedHour.get(sqlite) !== hour) {
      lastPrunedHour.set(sqlite, hour);
      pruneMinuteRollups(sqlite, at);
    }
  } catch (error) {
    // a metrics fault must not fail the task: the event and its projection still commit, and the
    // dashboards under-count until the cause is fixed (a failed statement rolls back on its own)
    console.error(`Ensemble: metric rollups not updated for ${event.type} of ${event.taskId}:`, error);
  }
}

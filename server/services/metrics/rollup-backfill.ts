import type { Db } from "@/db/client";
import { flushDeferredWrites } from "@/db/group-commit";
import { MINUTE_RETENTION_MS, ROLLUP_TABLES } from "@/db/rollup-layout";
import { callIncrements, retryIncrements, RollupAccumulator, taskIncrements } from "./rollup-rows";
import { TASK_FIGURES_SQL, type TaskFigures } from "./rollup-sql";
import { writeRollupRows } from "./rollup-store";
import { num } from "./statements";

const BACKFILL = "backfill";

/** Rows accumulated in memory before they are written: bounds memory on a large database. */
const FLUSH_EVERY = 200_000;

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.$client.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) ?? null) !== null;
}

/**
 * Rebuilds every rollup from the tasks, steps and step.retried events present: what the live writer would
 * have written had it always run. Minute rows are built for the retention window only. Returns the
 * number of tasks and calls folded in.
 */
export function backfillRollups(db: Db, now: number = Date.now()): { tasks: number; calls: number; retries: number } {
  const sqlite = db.$client;
  // tasks.cache_hit belongs to the result cache; older databases do not have it
  const cached = hasColumn(db, "tasks", "cache_hit") ? "coalesce(t.cache_hit, 0)" : "0";
  const acc = new RollupAccumulator(now - MINUTE_RETENTION_MS);
  const flush = () => {
    writeRollupRows(sqlite, acc.values());
    acc.clear();
  };
  let tasks = 0;
  let calls = 0;
  let retries = 0;
  // increments held for an open group count events whose rows are read below: write them now so the DELETE
  // clears them, or the group's commit would add them a second time
  flushDeferredWrites(sqlite);
  sqlite.transaction(() => {
    for (const table of Object.values(ROLLUP_TABLES)) sqlite.exec(`DELETE FROM ${table}`);
    const taskRows = sqlite
      .prepare(
        `SELECT coalesce(t.completed_at, t.created_at) AS at, t.status, ${TASK_FIGURES_SQL}, ${cached} AS cached
         FROM tasks t WHERE t.status IN ('completed', 'failed', 'cancelled')`,
      )
      .iterate() as IterableIterator<TaskFigures & { at: number; status: "completed" | "failed" | "cancelled"; cached: number }>;
    for (const r of taskRows) {
      acc.add(
        taskIncrements({
          at: r.at,
          status: r.status,
          strategy: r.strategy ?? "unknown",
          costUsd: num(r.cost),
          inputTokens: num(r.tin),
          outputTokens: num(r.tout),
          latencyMs: r.latency,
          steps: r.steps,
          cached: r.cached === 1,
          efficient: r.efficient === null ? null : r.efficient === 1,
        }),
      );
      tasks += 1;
      if (acc.size >= FLUSH_EVERY) flush();
    }
    const callRows = sqlite
      .prepare(
        `SELECT coalesce(s.ended_at, s.started_at) AS at, s.model_id AS model, t.primary_capability AS capability, s.status,
                s.latency_ms AS latency, s.first_token_ms AS ttft, s.input_tokens AS tin, s.output_tokens AS tout, s.cost_usd AS cost, s.error
         FROM task_steps s JOIN tasks t ON t.id = s.task_id WHERE s.status IN ('completed', 'failed')`,
      )
      .iterate() as IterableIterator<{
      at: number;
      model: string;
      capability: string | null;
      status: "completed" | "failed";
      latency: number | null;
      ttft: number | null;
      tin: number;
      tout: number;
      cost: number;
      error: string | null;
    }>;
    for (const r of callRows) {
      acc.add(
        callIncrements({
          at: r.at,
          modelId: r.model,
          capability: r.capability,
          status: r.status,
          latencyMs: r.status === "completed" ? r.latency : null,
          firstTokenMs: r.status === "completed" ? r.ttft : null,
          inputTokens: r.tin,
          outputTokens: r.tout,
          costUsd: r.cost,
          error: r.error,
        }),
      );
      calls += 1;
      if (acc.size >= FLUSH_EVERY) flush();
    }
    const retryRows = sqlite
      .prepare(`SELECT at, json_extract(payload, '$.modelId') AS model, json_extract(payload, '$.error') AS error FROM task_events WHERE type = 'step.retried'`)
      .iterate() as IterableIterator<{ at: number; model: string | null; error: string | null }>;
    for (const r of retryRows) {
      if (typeof r.model !== "string") continue;
      acc.add(retryIncrements({ at: r.at, modelId: r.model, error: r.error }));
      retries += 1;
    }
    flush();
    markBackfilled(db, now);
  })();
  return { tasks, calls, retries };
}

export function markBackfilled(db: Db, at: number): void {
  db.$client.prepare(`INSERT INTO metric_rollup_state (name, at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET at = excluded.at`).run(BACKFILL, at);
}

/**
 * Called once when the services start: a database that had tasks before the rollups existed (an upgrade)
 * gets them built from its history; afterwards the recorder keeps them current. A fresh database is only
 * marked. Runs before any task can finish, so no live increment can be counted twice.
 */
export function ensureRollups(db: Db, now: number = Date.now(), log: (line: string) => void = () => undefined): void {
  const done = db.$client.prepare(`SELECT 1 FROM metric_rollup_state WHERE name = ?`).get(BACKFILL);
  if (done) return;
  const anyTask = db.$client.prepare(`SELECT 1 FROM tasks LIMIT 1`).get();
  if (!anyTask) return markBackfilled(db, now);
  const started = Date.now();
  const counted = backfillRollups(db, now);
  log(`Ensemble: built metric rollups from ${counted.tasks} tasks and ${counted.calls} model calls in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

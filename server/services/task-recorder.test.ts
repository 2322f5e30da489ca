import Database from "better-sqlite3";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { createGroupCommit, flushDeferredWrites, groupOpen } from "@/db/group-commit";
import * as q from "@/db/queries/tasks";
import { ROLLUP_TABLES } from "@/db/rollup-layout";
import { tempDirs } from "@/db/testing/temp-dirs";
import type { ModelChain, TaskEvent, TaskRequirements } from "@/server/orchestrator/spec";
import { TaskEventBus } from "./event-bus";
import { windowOf } from "./metrics/ranges";
import { backfillRollups } from "./metrics/rollup-backfill";
import { readByKey, readSeries } from "./metrics/rollup-read";
import { createTaskRecorder } from "./task-recorder";

/**
 * The recorder inside a group commit: events and projections join the group's transaction, rollup increments
 * are summed in memory and written right before COMMIT. What must hold, whatever happens: rollups equal a
 * recomputation from the committed rows (the backfill), readers on the writing connection see every event
 * recorded so far, and nothing rolled back is ever counted.
 */
const NOW = Date.UTC(2025, 5, 10, 12, 34, 56);
const MODELS = ["m-fast", "m-slow", "m-mid"];

const tempDir = tempDirs();
function tempFile(): string {
  return path.join(tempDir("recorder-"), "r.db");
}

let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function setup(db: Db, windowMs = 1000) {
  let clock = NOW;
  const group = createGroupCommit(db.$client, windowMs);
  const record = createTaskRecorder(db, new TaskEventBus(), () => clock, group.enter);
  return { group, record, tick: (ms: number) => (clock += ms), at: () => clock };
}

const requirements = { capabilities: {}, primary: "math", format: "text", constraints: {}, evidence: [] } as unknown as TaskRequirements;
const chainOf = (modelId: string) => ({ strategy: "single", steps: [{ role: "answer", modelId }] }) as unknown as ModelChain;

/** One task's life, as the task service and the pipeline record it (the task row's figures set before its end). */
function runTask(db: Db, s: ReturnType<typeof setup>, id: string, opts: { model?: string; fail?: boolean; retry?: boolean; durationMs?: number } = {}) {
  const model = opts.model ?? pick(MODELS);
  s.group.enter();
  q.insertTask(db, { id, prompt: "p", status: "queued", strategy: "single", policy: "balanced", constraints: {}, source: "api", createdAt: s.at() });
  s.record({ type: "task.queued", taskId: id });
  s.record({ type: "task.analyzed", taskId: id, requirements });
  s.record({ type: "chain.planned", taskId: id, chain: chainOf(model) });
  s.record({ type: "step.started", taskId: id, stepIndex: 0, role: "answer", modelId: model, input: [{ role: "user", content: "p" }] } as TaskEvent);
  if (opts.retry) s.record({ type: "step.retried", taskId: id, stepIndex: 0, modelId: model, attempt: 1, error: "sim: 429 Too Many Requests" } as TaskEvent);
  s.tick(opts.durationMs ?? 1 + Math.floor(rand() * 40_000));
  const latencyMs = 5 + Math.floor(rand() * 3000);
  const cost = Math.round(rand() * 1e6) / 1e9;
  if (opts.fail) s.record({ type: "step.failed", taskId: id, stepIndex: 0, modelId: model, error: "upstream 503 server error" });
  else s.record({ type: "step.completed", taskId: id, stepIndex: 0, modelId: model, output: "x", inputTokens: 10, outputTokens: 3, costUsd: cost, latencyMs, firstTokenMs: 2 } as TaskEvent);
  const status = opts.fail ? "failed" : "completed";
  q.updateTask(db, id, { status, completedAt: s.at(), costUsd: opts.fail ? 0 : cost, inputTokens: 10, outputTokens: 3, latencyMs: latencyMs + 3 });
  if (opts.fail) s.record({ type: "task.failed", taskId: id, status: "failed", error: "upstream 503 server error" });
  else s.record({ type: "task.completed", taskId: id, status: "completed" });
}

type Dump = Record<string, Record<string, unknown>[]>;
function dumpRollups(sqlite: Database.Database): Dump {
  const out: Dump = {};
  for (const table of Object.values(ROLLUP_TABLES)) {
    out[table] = (sqlite.prepare(`SELECT * FROM ${table} ORDER BY dim, bucket_start, key`).all() as Record<string, unknown>[]).map((r) => ({
      ...r,
      cost_usd: Math.round((r.cost_usd as number) * 1e9),
    }));
  }
  return out;
}

/** The rollups as they stand, and as the backfill rebuilds them from the committed task, step and event rows. */
function liveAndRecomputed(db: Db) {
  const live = dumpRollups(db.$client);
  backfillRollups(db, NOW + 60_000);
  return { live, recomputed: dumpRollups(db.$client) };
}

const finishedOnDay = (sqlite: Database.Database) =>
  (sqlite.prepare(`SELECT coalesce(sum(n), 0) AS n FROM ${ROLLUP_TABLES.day} WHERE dim = 'task'`).get() as { n: number }).n;
const eventCount = (sqlite: Database.Database) => (sqlite.prepare(`SELECT count(*) AS n FROM task_events`).get() as { n: number }).n;
const changes = (sqlite: Database.Database) => (sqlite.prepare("SELECT total_changes() AS n").get() as { n: number }).n;

describe("task recorder in a group commit", () => {
  it("holds rollups until the commit, shows them to readers on the writing connection, and commits them with the events", () => {
    const file = tempFile();
    const db = createDb(file);
    const other = new Database(file, { readonly: true });
    const s = setup(db);
    for (let i = 0; i < 12; i++) runTask(db, s, `t${i}`, { fail: i % 4 === 0, retry: i % 3 === 0 });
    expect(groupOpen(db.$client)).toBe(true);
    // the tasks service's counts read the day rollups: they must include the open group's tasks
    expect(q.taskCountsByStatus(db)).toMatchObject({ completed: 9, failed: 3 });
    runTask(db, s, "t-more");
    // and the dashboards' reads: per-model calls over the day, and the task series
    const day = windowOf("24h", s.at());
    expect(readByKey(db, day, "model", ["n"]).reduce((a, r) => a + r.n, 0)).toBe(13);
    runTask(db, s, "t-more-2");
    expect(readSeries(db, day, "task", "", ["n"]).reduce((a, r) => a + r.n, 0)).toBe(14);
    expect(finishedOnDay(other)).toBe(0);
    expect(eventCount(other)).toBe(0);
    runTask(db, s, "t-late");
    s.group.commitNow();
    expect(groupOpen(db.$client)).toBe(false);
    expect(finishedOnDay(other)).toBe(15);
    expect(eventCount(other)).toBe(eventCount(db.$client));
    const { live, recomputed } = liveAndRecomputed(db);
    expect(live).toEqual(recomputed);
    other.close();
    db.$client.close();
  });

  it("sums a burst into one upsert per rollup row, not one per task", () => {
    const db = createDb(":memory:");
    const s = setup(db);
    for (let i = 0; i < 20; i++) {
      runTask(db, s, `b${i}`, { model: "m-fast", durationMs: 1000 });
      s.tick(NOW - s.at()); // every task ends in the same minute
    }
    const before = changes(db.$client);
    flushDeferredWrites(db.$client);
    // task, strategy, model, capability rows × minute, hour, day: 12 rows for 20 tasks (240 upserts unbatched)
    expect(changes(db.$client) - before).toBe(12);
    flushDeferredWrites(db.$client);
    expect(changes(db.$client) - before).toBe(12);
    s.group.commitNow();
    expect(finishedOnDay(db.$client)).toBe(20);
    const { live, recomputed } = liveAndRecomputed(db);
    expect(live).toEqual(recomputed);
  });

  it("forgets what it held for a group SQLite rolled back, and counts the next group's tasks once", () => {
    const db = createDb(":memory:");
    const s = setup(db);
    for (let i = 0; i < 5; i++) runTask(db, s, `lost${i}`);
    // what SQLite does by itself after a disk-full or I/O error mid-transaction
    db.$client.exec("ROLLBACK");
    expect(groupOpen(db.$client)).toBe(false);
    for (let i = 0; i < 4; i++) runTask(db, s, `kept${i}`);
    s.group.commitNow();
    expect(finishedOnDay(db.$client)).toBe(4);
    expect(q.findTask(db, "lost0")).toBeUndefined();
    const { live, recomputed } = liveAndRecomputed(db);
    expect(live).toEqual(recomputed);
  });

  it("a COMMIT that fails drops the group's events and rollups together, and the next group starts clean", () => {
    const file = tempFile();
    const db = createDb(file);
    const other = new Database(file, { readonly: true });
    const s = setup(db);
    for (let i = 0; i < 3; i++) runTask(db, s, `ok${i}`);
    s.group.commitNow();
    for (let i = 0; i < 3; i++) runTask(db, s, `doomed${i}`);
    // a constraint checked only at COMMIT: the commit fails with the transaction still open
    db.$client.pragma("defer_foreign_keys = ON");
    db.$client.prepare(`INSERT INTO task_events (task_id, type, payload, at) VALUES ('no-such-task', 'task.queued', '{}', 0)`).run();
    expect(() => s.group.commitNow()).toThrow(/FOREIGN KEY/);
    expect(db.$client.inTransaction).toBe(false);
    expect(finishedOnDay(other)).toBe(3);
    expect(finishedOnDay(db.$client)).toBe(3);
    for (let i = 0; i < 2; i++) runTask(db, s, `after${i}`);
    s.group.commitNow();
    expect(finishedOnDay(other)).toBe(5);
    const { live, recomputed } = liveAndRecomputed(db);
    expect(live).toEqual(recomputed);
    other.close();
    db.$client.close();
  });

  it("after a crash at any point, the events on disk and the rollups on disk agree", () => {
    for (let round = 0; round < 4; round++) {
      const file = tempFile();
      let db = createDb(file);
      const s = setup(db);
      const tasks = 6 + Math.floor(rand() * 10);
      for (let i = 0; i < tasks; i++) {
        runTask(db, s, `c${round}-${i}`, { fail: rand() < 0.25, retry: rand() < 0.3 });
        if (rand() < 0.4) s.group.commitNow();
      }
      // the process dies: the open group is never committed (closing a connection rolls it back, as a crash does)
      db.$client.close();
      db = createDb(file);
      const onDisk = db.$client.prepare(`SELECT count(*) AS n FROM task_events WHERE type IN ('task.completed', 'task.failed')`).get() as { n: number };
      expect(finishedOnDay(db.$client)).toBe(onDisk.n);
      const { live, recomputed } = liveAndRecomputed(db);
      expect(live).toEqual(recomputed);
      db.$client.close();
    }
  });

  it("an event whose projection fails is taken back out, and adds nothing to the rollups", () => {
    const db = createDb(":memory:");
    const s = setup(db);
    runTask(db, s, "p0", { model: "m-fast" });
    const events = eventCount(db.$client);
    // the step already exists: the projection's insert breaks the unique (task, step) index
    expect(() => s.record({ type: "step.started", taskId: "p0", stepIndex: 0, role: "answer", modelId: "m-fast", input: [] } as TaskEvent)).toThrow(/UNIQUE/);
    // a projection that throws before its statement runs
    expect(() => s.record({ type: "chain.planned", taskId: "p0", chain: {} as ModelChain })).toThrow();
    expect(eventCount(db.$client)).toBe(events);
    s.group.commitNow();
    expect(eventCount(db.$client)).toBe(events);
    expect(finishedOnDay(db.$client)).toBe(1);
  });

  it("outside a group (window-less scripts) writes events and rollups at once, each event its own transaction", () => {
    const file = tempFile();
    const db = createDb(file);
    const other = new Database(file, { readonly: true });
    const s = { ...setup(db), group: { enter: () => undefined, commitNow: () => undefined } };
    const record = createTaskRecorder(db, new TaskEventBus(), () => s.at());
    runTask(db, { ...s, record }, "solo", { model: "m-mid" });
    expect(db.$client.inTransaction).toBe(false);
    expect(finishedOnDay(other)).toBe(1);
    const { live, recomputed } = liveAndRecomputed(db);
    expect(live).toEqual(recomputed);
    other.close();
    db.$client.close();
  });
});

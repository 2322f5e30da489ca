import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { tempDirs } from "@/db/testing/temp-dirs";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { createApiKeyService } from "./api-keys";
import { bootstrap, createServices, type Services } from "./app";
import { TaskEventBus } from "./event-bus";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

const tempDir = tempDirs();
const tempDb = () => path.join(tempDir("ensemble-keys-"), "ensemble.db");

const turns = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

/** A key service on its own clock, over a bare database and bus: the engine is played by hand. */
function standalone(url = ":memory:") {
  const db = createDb(url);
  const bus = new TaskEventBus();
  let t = Date.now();
  const keys = createApiKeyService(db, bus, () => t);
  return { db, bus, keys, advance: (ms: number) => (t += ms) };
}

let taskSeq = 0;
function insertTask(db: Db | Database.Database, row: { apiKeyId: string | null; status: string; costUsd?: number }): string {
  const sqlite = "$client" in db ? db.$client : db;
  const id = `task_test_${++taskSeq}`;
  sqlite
    .prepare(`insert into tasks (id, prompt, status, strategy, policy, constraints, source, api_key_id, cost_usd) values (?, 'p', ?, 'single', 'balanced', '{}', 'gateway', ?, ?)`)
    .run(id, row.status, row.apiKeyId, row.costUsd ?? 0);
  return id;
}

function end(bus: TaskEventBus, taskId: string, event: TaskEvent["type"] = "task.completed") {
  const payload: TaskEvent =
    event === "task.completed" ? { type: "task.completed", taskId, status: "completed" } : { type: "task.failed", taskId, status: "cancelled", error: "cancelled by an operator" };
  bus.publish(taskId, { at: Date.now(), event: payload });
}

describe("API key budgets: spend from terminal events", () => {
  it("counts a terminal event's task cost once, and a reload of the table agrees", () => {
    const file = tempDb();
    const { db, bus, keys, advance } = standalone(file);
    const key = keys.create({ name: "k" });
    expect(keys.authenticate(key.key)).not.toBeNull();
    const id = insertTask(db, { apiKeyId: key.id, status: "completed", costUsd: 0.25 });
    end(bus, id);
    const spent = () => keys.list().find((k) => k.id === key.id)?.spentThisMonthUsd;
    expect(spent()).toBeCloseTo(0.25, 12);
    // a task of no key, and a cache hit (cost 0), change nothing
    end(bus, insertTask(db, { apiKeyId: null, status: "completed", costUsd: 9 }));
    end(bus, insertTask(db, { apiKeyId: key.id, status: "completed", costUsd: 0 }));
    expect(spent()).toBeCloseTo(0.25, 12);
    // another connection commits: the next check reloads from the table, which holds the same sum
    const other = new Database(file);
    other.prepare("update api_keys set name = 'renamed' where id = ?").run(key.id);
    other.close();
    advance(1500);
    keys.authenticate(key.key);
    expect(spent()).toBeCloseTo(0.25, 12);
  });

  it("does not count twice an end another process recorded, published here after a reload saw it", () => {
    const file = tempDb();
    const { db, bus, keys, advance } = standalone(file);
    const key = keys.create({ name: "k" });
    const id = insertTask(db, { apiKeyId: key.id, status: "running" });
    // the CLI cancels the task (running here): row and end event in one commit on its connection
    const other = new Database(file);
    other.prepare("update tasks set status = 'cancelled', cost_usd = 0.5 where id = ?").run(id);
    const eventId = Number(
      other
        .prepare("insert into task_events (task_id, type, payload, at) values (?, 'task.failed', ?, ?)")
        .run(id, JSON.stringify({ type: "task.failed", taskId: id, status: "cancelled", error: "cancelled by an operator" }), Date.now()).lastInsertRowid,
    );
    other.close();
    advance(1500);
    keys.authenticate(key.key);
    const spent = () => keys.list().find((k) => k.id === key.id)?.spentThisMonthUsd;
    expect(spent()).toBeCloseTo(0.5, 12);
    // a step completed here after the cancel is billed on the row, then the end is published here (tasks.ts)
    db.$client.prepare("update tasks set cost_usd = 0.75 where id = ?").run(id);
    bus.publish(id, { id: eventId, at: Date.now(), event: { type: "task.failed", taskId: id, status: "cancelled", error: "cancelled by an operator" } });
    expect(spent()).toBeCloseTo(0.75, 12);
  });

  it("counts a gateway task that resumes after a restart against its key's budget", async () => {
    const file = tempDb();
    // process A: a keyed pipeline task freezes with its second step in flight, as a killed process would
    let frozen = false;
    const a = createServices(createDb(file), { sleep: (_ms, signal) => (frozen ? new Promise<void>(() => void signal) : Promise.resolve()) });
    await bootstrap(a, () => undefined);
    const key = a.apiKeys.create({ name: "resumed", monthlyBudgetUsd: 0.00001 });
    let reached!: () => void;
    const atCrash = new Promise<void>((resolve) => (reached = resolve));
    a.bus.subscribe("*", ({ event }) => {
      if (!frozen && event.type === "step.started" && event.stepIndex === 1) {
        frozen = true;
        reached();
      }
    });
    const { id } = a.tasks.submit(
      { prompt: "Write a short paragraph about lighthouses.", constraints: {}, strategy: "pipeline", policy: "balanced", cache: false },
      { source: "gateway", apiKeyId: key.id },
    );
    await atCrash;
    await turns();

    // process B: recovers, and serves the key while the task resumes
    const b: Services = createServices(createDb(file), { sleep: () => Promise.resolve() });
    await bootstrap(b, () => undefined);
    expect(b.tasks.recover().resumed).toEqual([id]);
    const principal = b.apiKeys.authenticate(key.key);
    expect(principal).not.toBeNull();
    expect(b.apiKeys.admit(principal!)).toEqual({ ok: true });
    await b.queue.idle();

    const task = b.tasks.get(id);
    expect(task.status).toBe("completed");
    expect(task.costUsd).toBeGreaterThan(0.00001);
    expect(b.apiKeys.list().find((k) => k.id === key.id)?.spentThisMonthUsd).toBeCloseTo(task.costUsd, 12);
    expect(b.apiKeys.admit(b.apiKeys.authenticate(key.key)!)).toMatchObject({ ok: false, reason: "budget" });
  });
});

describe("API key budgets: holds for requests in flight", () => {
  it("holds the mean of the key's recent paid tasks per request, and refuses while holds cover the rest", () => {
    const { db, bus, keys } = standalone();
    const key = keys.create({ name: "k", monthlyBudgetUsd: 1 });
    for (const costUsd of [0.1, 0.2, 0.3, 0]) end(bus, insertTask(db, { apiKeyId: key.id, status: "completed", costUsd }));
    const admit = () => keys.admit(keys.authenticate(key.key)!);
    expect(admit()).toEqual({ ok: true });
    // spent 0.6; each request holds 0.2 (the cache hit's 0 is not what a request costs)
    expect(keys.held(key.id).usd).toBeCloseTo(0.2, 12);
    expect(admit()).toEqual({ ok: true });
    expect(admit()).toMatchObject({ ok: false, reason: "rate-limit", retryAfterSec: 1 });
    expect(keys.held(key.id).requests).toBe(2);
  });

  it("lets an admission no task takes over lapse (GET /models, a request refused after admission)", () => {
    const { keys, advance } = standalone();
    const key = keys.create({ name: "k", monthlyBudgetUsd: 1 });
    expect(keys.admit(keys.authenticate(key.key)!)).toEqual({ ok: true });
    // no priced request yet: the first holds the whole budget and runs alone
    expect(keys.held(key.id)).toEqual({ usd: 1, requests: 1 });
    expect(keys.admit(keys.authenticate(key.key)!)).toMatchObject({ ok: false, reason: "rate-limit" });
    advance(10_001);
    expect(keys.held(key.id)).toEqual({ usd: 0, requests: 0 });
    expect(keys.admit(keys.authenticate(key.key)!)).toEqual({ ok: true });
  });

  it("moves the hold to the task, which keeps it past the admission's lapse until its terminal event", () => {
    const { db, bus, keys, advance } = standalone();
    const key = keys.create({ name: "k", monthlyBudgetUsd: 1 });
    const principal = keys.authenticate(key.key)!;
    expect(keys.admit(principal)).toEqual({ ok: true });
    const id = insertTask(db, { apiKeyId: key.id, status: "running" });
    keys.bindTask(principal, id);
    advance(60_000);
    expect(keys.held(key.id).requests).toBe(1);
    db.$client.prepare("update tasks set status = 'cancelled' where id = ?").run(id);
    end(bus, id, "task.failed");
    expect(keys.held(key.id)).toEqual({ usd: 0, requests: 0 });
    // a task submitted without an admission (it lapsed during a slow upload) still holds while it runs
    const late = insertTask(db, { apiKeyId: key.id, status: "running" });
    keys.bindTask(keys.authenticate(key.key)!, late);
    expect(keys.held(key.id).requests).toBe(1);
  });

  it("releases the hold of a task another process ended (a CLI cancel) at the next reload", () => {
    const file = tempDb();
    const { db, keys, advance } = standalone(file);
    const key = keys.create({ name: "k", monthlyBudgetUsd: 1 });
    const principal = keys.authenticate(key.key)!;
    expect(keys.admit(principal)).toEqual({ ok: true });
    const id = insertTask(db, { apiKeyId: key.id, status: "running" });
    keys.bindTask(principal, id);
    // no terminal event reaches this process: the other one ended the row
    const other = new Database(file);
    other.prepare("update tasks set status = 'cancelled' where id = ?").run(id);
    other.close();
    advance(1500);
    keys.authenticate(key.key);
    expect(keys.held(key.id)).toEqual({ usd: 0, requests: 0 });
  });
});

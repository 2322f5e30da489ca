import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { ROLLUP_TABLES } from "@/db/rollup-layout";
import { tempDirs } from "@/db/testing/temp-dirs";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { bootstrap, createServices, type Services } from "./app";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

/**
 * A CLI cancel of a task the server is running, in one test process: the "server" and the "CLI" are two sets of
 * services on one database file, as two processes would be. The server's model calls are held by the test, so
 * the cancel lands while a step is in flight; the server learns of it only through queue-watch.ts.
 */
const tempDir = tempDirs();
const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const TERMINAL = new Set<string>(["task.completed", "task.failed"]);
const pipelineTask = { prompt: "Write a short paragraph about lighthouses.", constraints: {}, strategy: "pipeline" as const, policy: "balanced" as const, cache: false, streamTokens: false };

type Mode = "free" | "gate" | "hang";

/**
 * Model calls that answer at once ("free"), wait for open() ("gate") or wait for their abort ("hang"). With
 * whole replies (stream off) a simulated call sleeps once, so a mode applies to calls started under it.
 */
function heldCalls() {
  let mode: Mode = "free";
  let open: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const untilAbort = (signal?: AbortSignal) =>
    new Promise<void>((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason), { once: true }));
  return {
    sleep: (_ms: number, signal?: AbortSignal): Promise<void> => {
      if (mode === "free") return Promise.resolve();
      return mode === "gate" ? Promise.race([gate, untilAbort(signal)]) : untilAbort(signal);
    },
    set: (next: Mode) => void (mode = next),
    open() {
      open();
      gate = new Promise<void>((resolve) => (open = resolve));
    },
  };
}

async function servicesOn(file: string, sleep?: (ms: number, signal?: AbortSignal) => Promise<void>): Promise<Services> {
  const services = createServices(createDb(file), sleep ? { sleep } : {});
  await bootstrap(services, () => undefined);
  return services;
}

/** A server whose model calls switch to `mode` once step 1 of a task has started; resolves with that task's id. */
async function serverAt(file: string, mode: Mode) {
  const calls = heldCalls();
  const server = await servicesOn(file, calls.sleep);
  stops.push(server.queue.watchOtherProcesses());
  const atStep1 = new Promise<string>((resolve) =>
    server.bus.subscribe("*", ({ event }) => {
      if (event.type === "step.started" && event.stepIndex === 1) {
        calls.set(mode);
        resolve(event.taskId);
      }
    }),
  );
  return { server, calls, atStep1 };
}

/** Past the group-commit window (db/group-commit.ts): another connection sees the writes and may write itself. */
const committed = () => new Promise((r) => setTimeout(r, 20));

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no end within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function until(check: () => boolean, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The last event tasks.watch delivers (it returns after the task's end). */
async function lastWatched(services: Services, id: string): Promise<TaskEvent | undefined> {
  let last: TaskEvent | undefined;
  for await (const { event } of services.tasks.watch(id, 0)) last = event;
  return last;
}

function completedSpend(services: Services, id: string) {
  const steps = services.tasks.get(id).steps.filter((s) => s.status === "completed");
  return {
    count: steps.length,
    costUsd: steps.reduce((sum, s) => sum + s.costUsd, 0),
    inputTokens: steps.reduce((sum, s) => sum + s.inputTokens, 0),
    outputTokens: steps.reduce((sum, s) => sum + s.outputTokens, 0),
  };
}

/** The task ended cancelled, billed for exactly its `count` completed steps (cost and tokens); returns the task. */
function expectCancelledAndBilled(services: Services, id: string, count: number) {
  const task = services.tasks.get(id);
  const spent = completedSpend(services, id);
  expect(task.status).toBe("cancelled");
  expect(spent.count).toBe(count);
  expect(spent.costUsd).toBeGreaterThan(0);
  expect(task.costUsd).toBeCloseTo(spent.costUsd, 12);
  expect([task.inputTokens, task.outputTokens]).toEqual([spent.inputTokens, spent.outputTokens]);
  return task;
}

/** The task rollups (all days, per dimension) next to the tasks table they count, read on a fresh connection. */
function rollupsAndTable(file: string) {
  const sqlite = createDb(file).$client;
  try {
    const rollup = (dim: string) =>
      sqlite
        .prepare(
          `SELECT coalesce(sum(n), 0) AS n, coalesce(sum(cancelled), 0) AS cancelled, coalesce(sum(cost_usd), 0) AS cost, coalesce(sum(input_tokens), 0) AS tin,
             coalesce(sum(output_tokens), 0) AS tout, coalesce(sum(steps), 0) AS steps FROM ${ROLLUP_TABLES.day} WHERE dim = ?`,
        )
        .get(dim) as Record<string, number>;
    const table = sqlite
      .prepare(
        `SELECT count(*) AS n, coalesce(sum(status = 'cancelled'), 0) AS cancelled, coalesce(sum(cost_usd), 0) AS cost, coalesce(sum(input_tokens), 0) AS tin,
           coalesce(sum(output_tokens), 0) AS tout, (SELECT count(*) FROM task_steps s JOIN tasks f ON f.id = s.task_id WHERE f.status IN ('completed', 'failed', 'cancelled')) AS steps
         FROM tasks WHERE status IN ('completed', 'failed', 'cancelled')`,
      )
      .get() as Record<string, number>;
    return { task: rollup("task"), strategy: rollup("strategy"), table };
  } finally {
    sqlite.close();
  }
}

function expectRollupsMatchTable(file: string) {
  const { task, strategy, table } = rollupsAndTable(file);
  for (const counted of [task, strategy]) {
    expect({ ...counted, cost: undefined }).toEqual({ ...table, cost: undefined });
    expect(counted.cost).toBeCloseTo(table.cost!, 12);
  }
}

/** The task's end as a subscriber of this process's bus hears it (the gateway's follow listens this way). */
function endOnBus(services: Services, id: string): Promise<TaskEvent> {
  return new Promise((resolve) => {
    const stop = services.bus.subscribe(id, ({ event }) => {
      if (!TERMINAL.has(event.type)) return;
      stop();
      resolve(event);
    });
  });
}

describe("a CLI cancel of a task running in the server", () => {
  it("ends the task's waiters in the server within about a second, billed for its completed steps", async () => {
    const file = path.join(tempDir("ensemble-cancel-"), "ensemble.db");
    const { server, atStep1 } = await serverAt(file, "hang");
    const { id } = server.tasks.submit(pipelineTask, { source: "ui" });
    expect(await atStep1).toBe(id);
    const heard = endOnBus(server, id);
    const watched = lastWatched(server, id);
    await committed();

    const cli = await servicesOn(file);
    expect(cli.tasks.cancel(id)).toEqual({ status: "cancelled" });

    expect(await within(heard, 4000, "the bus subscriber")).toMatchObject({ type: "task.failed", status: "cancelled", error: "cancelled by an operator" });
    expect(await within(watched, 1000, "tasks.watch")).toMatchObject({ type: "task.failed", status: "cancelled" });
    const task = expectCancelledAndBilled(server, id, 1);
    // one end, recorded by the CLI; the server's cut-short call is closed after it
    expect(task.events.filter((e) => TERMINAL.has(e.type))).toHaveLength(1);
    expect(task.steps.map((s) => s.status)).toEqual(["completed", "failed"]);
    await until(() => server.queue.active() === 0);
    await committed();
    expectRollupsMatchTable(file);
  }, 20_000);

  it("bills a step that completed in the server after the cancel, in the task row and its rollups alike", async () => {
    const file = path.join(tempDir("ensemble-cancel-"), "ensemble.db");
    const { server, calls, atStep1 } = await serverAt(file, "gate");
    const { id } = server.tasks.submit(pipelineTask, { source: "ui" });
    expect(await atStep1).toBe(id);
    const watched = lastWatched(server, id);
    await committed();

    const cli = await servicesOn(file);
    expect(cli.tasks.cancel(id)).toEqual({ status: "cancelled" });
    const billedByCli = () => {
      const sqlite = createDb(file).$client;
      try {
        return sqlite.prepare(`SELECT status, cost_usd AS cost FROM tasks WHERE id = ?`).get(id) as { status: string; cost: number };
      } finally {
        sqlite.close();
      }
    };
    await until(() => billedByCli().status === "cancelled");
    const atCancel = billedByCli().cost;
    // the held call returns before the server notices the cancel: it was paid for, and any next step is cut short
    calls.set("hang");
    calls.open();

    expect(await within(watched, 4000, "tasks.watch")).toMatchObject({ type: "task.failed", status: "cancelled" });
    const task = server.tasks.get(id);
    const spent = completedSpend(server, id);
    // step 1 finished after the cancel was committed and step 2 started: both are what the rollups must add
    expect(task.steps.map((s) => s.status)).toEqual(["completed", "completed", "failed"]);
    expect(spent.count).toBe(2);
    expect(task.costUsd).toBeGreaterThan(atCancel);
    expect(task.costUsd).toBeCloseTo(spent.costUsd, 12);
    expect([task.inputTokens, task.outputTokens]).toEqual([spent.inputTokens, spent.outputTokens]);
    expect(task.events.filter((e) => TERMINAL.has(e.type))).toHaveLength(1);
    await until(() => server.queue.active() === 0);
    await committed();
    expectRollupsMatchTable(file);
  }, 20_000);
});

describe("a CLI cancel of a task waiting to resume", () => {
  it("keeps the steps it completed before its process stopped billed", async () => {
    const file = path.join(tempDir("ensemble-cancel-"), "ensemble.db");
    // the first process stops making progress with step 1 in flight, as a killed one would (no watcher, no abort)
    const { server: stopped, atStep1 } = await serverAt(file, "hang");
    stops.pop()?.();
    const { id } = stopped.tasks.submit(pipelineTask, { source: "ui" });
    expect(await atStep1).toBe(id);
    await committed();

    const cli = await servicesOn(file);
    expect(cli.tasks.get(id).status).toBe("running");
    expect(cli.tasks.cancel(id)).toEqual({ status: "cancelled" });
    await committed();

    expectCancelledAndBilled(cli, id, 1);
    expectRollupsMatchTable(file);
  }, 20_000);
});

/** Services created with ENSEMBLE_WORKERS set to `workers` (the worker pool reads it once, at creation). */
async function withWorkers<T>(workers: number, create: () => Promise<T>): Promise<T> {
  const before = process.env.ENSEMBLE_WORKERS;
  process.env.ENSEMBLE_WORKERS = String(workers);
  try {
    return await create();
  } finally {
    if (before === undefined) delete process.env.ENSEMBLE_WORKERS;
    else process.env.ENSEMBLE_WORKERS = before;
  }
}

describe("a CLI cancel of a task queued in the server behind a running one", () => {
  it("ends the queued task's waiters in the server within about a second, at no cost", async () => {
    const file = path.join(tempDir("ensemble-cancel-"), "ensemble.db");
    const { server, atStep1 } = await withWorkers(1, () => serverAt(file, "hang"));
    const ahead = server.tasks.submit(pipelineTask, { source: "ui" });
    expect(await atStep1).toBe(ahead.id);
    const { id } = server.tasks.submit({ ...pipelineTask, prompt: "Write a short paragraph about harbours." }, { source: "ui" });
    const heard = endOnBus(server, id);
    const watched = lastWatched(server, id);
    await committed();
    expect(server.tasks.get(id).status).toBe("queued");

    const cli = await servicesOn(file);
    expect(cli.tasks.cancel(id)).toEqual({ status: "cancelled" });

    expect(await within(heard, 4000, "the bus subscriber")).toMatchObject({ type: "task.failed", status: "cancelled", error: "cancelled by an operator" });
    expect(await within(watched, 1000, "tasks.watch")).toMatchObject({ type: "task.failed", status: "cancelled" });
    const task = server.tasks.get(id);
    expect([task.status, task.costUsd, task.steps.length]).toEqual(["cancelled", 0, 0]);
    expect(task.events.filter((e) => TERMINAL.has(e.type))).toHaveLength(1);
    // the task ahead of it runs on, untouched
    expect(server.tasks.get(ahead.id).status).toBe("running");

    expect(server.tasks.cancel(ahead.id)).toEqual({ status: "cancelling" });
    await until(() => server.queue.active() === 0);
    await committed();
    expect(server.tasks.get(id).status).toBe("cancelled");
    expectRollupsMatchTable(file);
  }, 20_000);
});

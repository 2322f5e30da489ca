import { describe, expect, it } from "vitest";
import { createWorkerPool, workerConcurrencyFromEnv, type Job } from "./worker-pool";

/**
 * The pool over a stand-in for the tasks table (an ordered list of queued ids; "claiming" removes one), with
 * jobs that finish when the test says so — enough to watch slots, order and refills.
 */
function harness(concurrency: number, memoryCap: number) {
  const queuedInDb: string[] = [];
  const started: Job[] = [];
  const finishers = new Map<string, () => void>();
  let loads = 0;
  const pool = createWorkerPool({
    concurrency,
    memoryCap,
    loadQueued: (limit) => {
      loads += 1;
      return queuedInDb.slice(0, limit);
    },
    execute: (job) => {
      // the real runner claims the row synchronously: it is no longer queued
      const at = queuedInDb.indexOf(job.taskId);
      if (at >= 0) queuedInDb.splice(at, 1);
      started.push(job);
      return new Promise<void>((resolve) => finishers.set(job.taskId, resolve));
    },
  });
  const accept = (id: string) => {
    queuedInDb.push(id);
    pool.enqueue(id);
  };
  const finish = async (id: string) => {
    finishers.get(id)?.();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
  };
  const turn = () => new Promise((r) => setImmediate(r));
  return { pool, queuedInDb, started, accept, finish, turn, loads: () => loads };
}

describe("worker pool over the durable queue", () => {
  it("never runs more than its concurrency, and starts the next task as a slot frees", async () => {
    const h = harness(2, 100);
    for (const id of ["a", "b", "c", "d"]) h.accept(id);
    expect(h.started).toHaveLength(0); // deferred: a submitter can subscribe before its task starts
    await h.turn();
    expect(h.started.map((j) => j.taskId)).toEqual(["a", "b"]);
    expect(h.pool.active()).toBe(2);
    await h.finish("a");
    expect(h.started.map((j) => j.taskId)).toEqual(["a", "b", "c"]);
    await h.finish("b");
    await h.finish("c");
    await h.finish("d");
    expect(h.started.map((j) => j.taskId)).toEqual(["a", "b", "c", "d"]);
    expect(h.pool.active()).toBe(0);
    expect(h.loads()).toBe(0); // everything came from memory: no reads on the hot path
  });

  it("forgets nothing past its memory cap: the overflow is read back from the database, oldest first", async () => {
    const h = harness(1, 3);
    const ids = Array.from({ length: 10 }, (_, i) => `t${i}`);
    for (const id of ids) h.accept(id);
    await h.turn();
    for (const id of ids) await h.finish(id);
    expect(h.started.map((j) => j.taskId)).toEqual(ids);
    expect(h.queuedInDb).toEqual([]);
    expect(h.loads()).toBeGreaterThan(0);
  });

  it("picks up tasks it never saw (queued by another process, or before a restart) when told to refill", async () => {
    const h = harness(4, 100);
    h.queuedInDb.push("old1", "old2");
    h.pool.refillFromDatabase();
    h.accept("new1");
    await h.turn();
    expect(h.started.map((j) => j.taskId)).toEqual(["old1", "old2", "new1"]);
  });

  it("runs resumes before queued work and resolves idle() once everything is done", async () => {
    const h = harness(1, 100);
    h.accept("queued1");
    h.pool.enqueueResume("resumed1");
    await h.turn();
    expect(h.started[0]).toEqual({ taskId: "resumed1", resume: true });
    let idle = false;
    void h.pool.idle().then(() => (idle = true));
    await h.finish("resumed1");
    expect(idle).toBe(false);
    await h.finish("queued1");
    await h.turn();
    expect(idle).toBe(true);
    expect(h.started[1]).toEqual({ taskId: "queued1", resume: false });
  });

  it("reads ENSEMBLE_WORKERS with a default and a clear error", () => {
    expect(workerConcurrencyFromEnv({})).toBe(32);
    expect(workerConcurrencyFromEnv({ ENSEMBLE_WORKERS: "8" })).toBe(8);
    expect(() => workerConcurrencyFromEnv({ ENSEMBLE_WORKERS: "0" })).toThrow(/ENSEMBLE_WORKERS must be a whole number from 1 to 1024 \(got "0"\)/);
    expect(() => workerConcurrencyFromEnv({ ENSEMBLE_WORKERS: "lots" })).toThrow(/ENSEMBLE_WORKERS/);
  });
});

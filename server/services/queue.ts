import type { Db } from "@/db/client";
import { countWithStatus, endedAmong, noLongerRunning, oldestQueuedIds } from "@/db/queries/queue";
import { watchQueueFromOtherProcesses } from "./queue-watch";
import type { TaskRunner } from "./tasks";
import { createWorkerPool, workerConcurrencyFromEnv } from "./worker-pool";

/**
 * The durable task queue: `queued` rows of tasks, run by this process's worker pool (ENSEMBLE_WORKERS at a
 * time). `depth()` and `active()` are what metrics and health report.
 */
export function createTaskQueue(deps: {
  db: Db;
  runner: () => TaskRunner;
  concurrency?: number;
  /** ids of the tasks someone in this process waits on (the event bus's subscribers) */
  waitedIds?: () => string[];
}) {
  const { db } = deps;
  const concurrency = deps.concurrency ?? workerConcurrencyFromEnv();
  const pool = createWorkerPool({
    concurrency,
    loadQueued: (limit) => oldestQueuedIds(db, limit),
    execute: (job) => (job.resume ? deps.runner().resume(job.taskId) : deps.runner().run(job.taskId)),
  });
  return {
    concurrency,
    enqueue: pool.enqueue,
    enqueueResume: pool.enqueueResume,
    refillFromDatabase: pool.refillFromDatabase,
    /** accepted tasks not started yet (all processes: counted in the database) */
    depth: (): number => countWithStatus(db, "queued"),
    /** tasks running in this process's worker pool */
    active: (): number => pool.active(),
    /** resolves once this process has nothing running or waiting */
    idle: pool.idle,
    /**
     * For the long-lived server: notice CLI cancels of tasks running here, ends of tasks waited on here and
     * tasks queued by other processes (see queue-watch.ts). Returns a stop function.
     */
    watchOtherProcesses: (): (() => void) =>
      watchQueueFromOtherProcesses({
        sqlite: db.$client,
        runningIds: () => deps.runner().runningIds(),
        noLongerRunning: (ids) => noLongerRunning(db, ids),
        abortEndedElsewhere: (id) => void deps.runner().cancel(id),
        waitedIds: deps.waitedIds ?? (() => []),
        endedAmong: (ids) => endedAmong(db, ids),
        announceEndedElsewhere: (id) => deps.runner().announceEndedElsewhere(id),
        refill: pool.refillFromDatabase,
      }),
  };
}

export type TaskQueue = ReturnType<typeof createTaskQueue>;

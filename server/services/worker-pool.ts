/**
 * The in-process worker pool over the durable queue (the `queued` rows of tasks). Accepting a task costs no
 * read: its id joins an in-memory FIFO of at most `memoryCap` ids. Past the cap, or when tasks may be waiting
 * that this process did not accept (at start, or after another process wrote), the pool marks the database as
 * the source and, whenever the FIFO runs dry, loads the oldest queued ids in batches — so nothing queued is
 * forgotten however many tasks are accepted, and memory stays bounded.
 */

export const DEFAULT_WORKERS = 32;
const DEFAULT_MEMORY_CAP = 10_000;

export function workerConcurrencyFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ENSEMBLE_WORKERS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_WORKERS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1024) throw new Error(`ENSEMBLE_WORKERS must be a whole number from 1 to 1024 (got "${raw}")`);
  return value;
}

export interface Job {
  taskId: string;
  /** a task a previous process left running: continue it from its last committed step */
  resume: boolean;
}

export interface WorkerPoolDeps {
  concurrency: number;
  /** the oldest queued task ids in the database */
  loadQueued(limit: number): string[];
  execute(job: Job): Promise<void>;
  memoryCap?: number;
  /** defers a pump to the next turn (setImmediate), so a submitter can subscribe before its task starts */
  defer?: (fn: () => void) => void;
}

/** A FIFO with O(1) shift: an array and a head that is compacted once half of it is consumed. */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;
  get size() {
    return this.items.length - this.head;
  }
  push(item: T) {
    this.items.push(item);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

export function createWorkerPool(deps: WorkerPoolDeps) {
  const memoryCap = deps.memoryCap ?? DEFAULT_MEMORY_CAP;
  const defer = deps.defer ?? ((fn) => void setImmediate(fn));
  const batch = Math.max(deps.concurrency * 4, 64);
  const resumes = new Fifo<string>();
  const pending = new Fifo<string>();
  let fromDb = false;
  let active = 0;
  let scheduled = false;
  let idleWaiters: Array<() => void> = [];

  function nextJob(): Job | undefined {
    const resumeId = resumes.shift();
    if (resumeId) return { taskId: resumeId, resume: true };
    if (pending.size === 0 && fromDb) {
      // Everything this process accepted so far was started (a started task is no longer `queued`), so the
      // database's queued rows are exactly the waiting ones, oldest first.
      const ids = deps.loadQueued(batch);
      if (ids.length < batch) fromDb = false;
      for (const id of ids) pending.push(id);
    }
    const taskId = pending.shift();
    return taskId ? { taskId, resume: false } : undefined;
  }

  function pump() {
    scheduled = false;
    while (active < deps.concurrency) {
      const job = nextJob();
      if (!job) break;
      active += 1;
      // execute() claims the row synchronously (queued → running) before its first await
      deps
        .execute(job)
        .catch(() => undefined)
        .finally(() => {
          active -= 1;
          schedule();
        });
    }
    if (active === 0 && resumes.size === 0 && pending.size === 0 && !fromDb) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    defer(pump);
  }

  return {
    /** a task this process just accepted (its `queued` row is written) */
    enqueue(taskId: string) {
      if (!fromDb && pending.size < memoryCap) pending.push(taskId);
      else fromDb = true;
      schedule();
    },
    /** a task left running by a previous process, to continue before new work */
    enqueueResume(taskId: string) {
      resumes.push(taskId);
      schedule();
    },
    /** queued rows may exist that this process has not seen (start, another process wrote) */
    refillFromDatabase() {
      fromDb = true;
      schedule();
    },
    /** tasks running in this process now */
    active: () => active,
    /** accepted tasks waiting in this process's memory (the database may hold more: see queue.depth) */
    waiting: () => resumes.size + pending.size,
    /** resolves once nothing is running or waiting (tests, the soak bench) */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        schedule();
      });
    },
  };
}

export type WorkerPool = ReturnType<typeof createWorkerPool>;

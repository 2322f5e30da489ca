import type { Clock } from "../spec";

/** A Clock whose time moves only when told to (or, in auto mode, when the process is otherwise idle). */
export interface ManualClock extends Clock {
  /** Move time forward by `ms`, firing due sleepers in deadline order and letting each one's continuation run. */
  advance(ms: number): Promise<void>;
  /** Sleepers still waiting. */
  pending(): number;
}

interface Sleeper {
  seq: number;
  at: number;
  wake: () => void;
}

/** Lets promise continuations and queued macrotasks run before the next sleeper fires. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Virtual time for tests. With `auto: true` (the default) a pending sleep fires on the next macrotask, earliest
 * deadline first, so scripted delays cost no wall time yet keep their relative order: a 50 ms call finishes
 * before a 1000 ms timeout. With `auto: false` only `advance` moves time.
 */
export function createManualClock(options: { start?: number; auto?: boolean } = {}): ManualClock {
  let now = options.start ?? 0;
  const auto = options.auto ?? true;
  let seq = 0;
  let sleepers: Sleeper[] = [];
  let flushScheduled = false;

  function fireNext(limit = Number.POSITIVE_INFINITY): boolean {
    sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = sleepers[0];
    if (!next || next.at > limit) return false;
    sleepers = sleepers.slice(1);
    now = Math.max(now, next.at);
    next.wake();
    return true;
  }

  function scheduleFlush(): void {
    if (!auto || flushScheduled) return;
    flushScheduled = true;
    setTimeout(() => {
      flushScheduled = false;
      fireNext();
      if (sleepers.length > 0) scheduleFlush();
    }, 0);
  }

  return {
    now: () => now,
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          sleepers = sleepers.filter((s) => s !== sleeper);
          reject(signal?.reason);
        };
        const sleeper: Sleeper = {
          seq: seq++,
          at: now + Math.max(0, ms),
          wake: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        sleepers.push(sleeper);
        scheduleFlush();
      });
    },
    async advance(ms: number): Promise<void> {
      const target = now + ms;
      await settle();
      while (fireNext(target)) await settle();
      now = Math.max(now, target);
    },
    pending: () => sleepers.length,
  };
}

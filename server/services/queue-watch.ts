import type Database from "better-sqlite3";

/**
 * Notices, within about a second, what other processes (the CLI) did to the queue: a cancel of a task running
 * here, the end of a task waited on here but not running here (cancelled while queued behind others, or run by
 * the other process), or tasks they queued. It reads SQLite's `data_version` once a second — a counter that changes only
 * when another connection commits — and looks at the tasks table only after such a change, so an idle or busy
 * server alone never scans anything.
 */
export function watchQueueFromOtherProcesses(deps: {
  sqlite: Database.Database;
  /** ids of the tasks running in this process */
  runningIds(): string[];
  /** of these ids, the ones no longer `running` in the database */
  noLongerRunning(ids: string[]): string[];
  /** abort a task here because another process ended it (the run then tells this process's waiters: tasks.ts) */
  abortEndedElsewhere(taskId: string): void;
  /** ids of the tasks someone in this process waits on (task pages, gateway callers) */
  waitedIds(): string[];
  /** of these ids, the ones whose row has ended */
  endedAmong(ids: string[]): string[];
  /** tell this process's waiters of an end another process recorded (on its own bus) */
  announceEndedElsewhere(taskId: string): void;
  /** queued rows may exist that this process has not seen */
  refill(): void;
  everyMs?: number;
}): () => void {
  let seen = Number(deps.sqlite.pragma("data_version", { simple: true }));
  const timer = setInterval(() => {
    const version = Number(deps.sqlite.pragma("data_version", { simple: true }));
    if (version === seen) return;
    seen = version;
    const runningHere = deps.runningIds();
    for (const id of deps.noLongerRunning(runningHere)) deps.abortEndedElsewhere(id);
    // a waiter here unsubscribes when it hears the end, so one still waiting on an ended task missed it
    const here = new Set(runningHere);
    for (const id of deps.endedAmong(deps.waitedIds().filter((waited) => !here.has(waited)))) deps.announceEndedElsewhere(id);
    deps.refill();
  }, deps.everyMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}

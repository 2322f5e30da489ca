import type Database from "better-sqlite3";

/**
 * Notices, within about a second, what other processes (the CLI) did to the queue: a cancel of a task running
 * here, or tasks they queued. It reads SQLite's `data_version` once a second — a counter that changes only
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
  /** queued rows may exist that this process has not seen */
  refill(): void;
  everyMs?: number;
}): () => void {
  let seen = Number(deps.sqlite.pragma("data_version", { simple: true }));
  const timer = setInterval(() => {
    const version = Number(deps.sqlite.pragma("data_version", { simple: true }));
    if (version === seen) return;
    seen = version;
    for (const id of deps.noLongerRunning(deps.runningIds())) deps.abortEndedElsewhere(id);
    deps.refill();
  }, deps.everyMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}

import type Database from "better-sqlite3";

/** How long a group stays open by default: long enough to gather a burst of tasks, short enough not to be felt. */
export const DEFAULT_GROUP_COMMIT_MS = 2;

/**
 * Group commit: the first write opens one IMMEDIATE transaction, and it commits `windowMs` later (or on the
 * next turn with a window of 0), so the dozen small writes a task makes, and those of every other task in
 * the window, share one commit instead of one each. A commit rewrites every page it touched, so fewer, larger
 * commits write far fewer bytes: at gateway rates a per-turn commit spent more time writing the same hot
 * pages (task and event index tails) than the requests spent on everything else.
 * Readers on this connection see the writes at once; other connections see them when the group commits.
 * Durability is unchanged in kind: WAL with synchronous=NORMAL already trades the last commits on power loss
 * for speed, and this widens that window by `windowMs`.
 * Nested `db.transaction()` calls become savepoints inside it (better-sqlite3 nests that way).
 */
export function createGroupCommit(sqlite: Database.Database, windowMs: number = groupCommitMsFromEnv()) {
  let open = false;
  const commit = () => {
    open = false;
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
  };
  const schedule = windowMs > 0 ? () => setTimeout(commit, windowMs) : () => setImmediate(commit);
  return {
    /** call before a write; a no-op when a group (or any transaction) is already open */
    enter() {
      if (open || sqlite.inTransaction) return;
      sqlite.exec("BEGIN IMMEDIATE");
      open = true;
      schedule();
    },
    /** commits the open group now (its timer then finds nothing, or the next group, to commit early) */
    commitNow() {
      if (open) commit();
    },
  };
}

/** ENSEMBLE_GROUP_COMMIT_MS: the group window in ms (0 = commit on the next event-loop turn). */
export function groupCommitMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ENSEMBLE_GROUP_COMMIT_MS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_GROUP_COMMIT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 1000) throw new Error(`ENSEMBLE_GROUP_COMMIT_MS must be a whole number of ms from 0 to 1000 (got "${raw}")`);
  return value;
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;

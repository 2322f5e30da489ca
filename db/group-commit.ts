import type Database from "better-sqlite3";

/** How long a group stays open by default: long enough to gather a burst of tasks, short enough not to be felt. */
export const DEFAULT_GROUP_COMMIT_MS = 2;

/**
 * Writes a writer holds in memory while a group is open (the metric rollups: a burst of tasks sums into a few
 * rows) and applies to the open transaction right before it commits, so they commit or roll back with the
 * writes that caused them.
 */
export interface DeferredWrites {
  /** writes what is held into the open transaction and forgets it */
  flush(): void;
  /** forgets what is held: the transaction it belonged to did not commit */
  discard(): void;
}

interface ConnectionState {
  /** a group transaction was begun by a group commit and not yet ended by one */
  open: boolean;
  deferred: DeferredWrites[];
}

// per connection, so every group commit on it and every writer and reader of it agree on what is open and held
const states = new WeakMap<Database.Database, ConnectionState>();

function stateOf(sqlite: Database.Database): ConnectionState {
  let state = states.get(sqlite);
  if (!state) states.set(sqlite, (state = { open: false, deferred: [] }));
  return state;
}

/**
 * A group we began is no longer in progress though we did not end it: SQLite rolls a transaction back by
 * itself after some errors (disk full, I/O), or someone rolled it back. What was held for it is void.
 */
function settleLostGroup(sqlite: Database.Database, state: ConnectionState): void {
  if (!state.open || sqlite.inTransaction) return;
  state.open = false;
  for (const d of state.deferred) d.discard();
}

/** Registers a writer's deferred writes on a connection (once per writer and connection). */
export function registerDeferredWrites(sqlite: Database.Database, writes: DeferredWrites): void {
  const state = stateOf(sqlite);
  if (!state.deferred.includes(writes)) state.deferred.push(writes);
}

/**
 * Whether a group commit's transaction is open on this connection: a write made now commits with it, and
 * deferred writes are flushed before that commit. False outside a group (window-less scripts, another
 * transaction), where a writer must write at once.
 */
export function groupOpen(sqlite: Database.Database): boolean {
  const state = states.get(sqlite);
  if (!state?.open) return false;
  settleLostGroup(sqlite, state);
  return state.open;
}

/**
 * Applies the deferred writes held for the open group now. Call before reading, on the writing connection,
 * a table they write (the rollups), so the read sees every write made so far; a no-op when nothing is held.
 */
export function flushDeferredWrites(sqlite: Database.Database): void {
  if (groupOpen(sqlite)) for (const d of stateOf(sqlite).deferred) d.flush();
}

/**
 * Group commit: the first write opens one IMMEDIATE transaction, and it commits `windowMs` later (or on the
 * next turn with a window of 0), so the dozen small writes a task makes, and those of every other task in
 * the window, share one commit instead of one each. A commit rewrites every page it touched, so fewer, larger
 * commits write far fewer bytes: at gateway rates a per-turn commit spent more time writing the same hot
 * pages (task and event index tails) than the requests spent on everything else.
 * Readers on this connection see the writes at once; other connections see them when the group commits.
 * Durability is unchanged in kind: WAL with synchronous=NORMAL already trades the last commits on power loss
 * for speed, and this widens that window by `windowMs`.
 * Deferred writes (registerDeferredWrites) are flushed inside the transaction right before COMMIT. A COMMIT
 * that fails rolls the whole group back (writes and deferred writes alike) and throws.
 * Nested `db.transaction()` calls become savepoints inside it (better-sqlite3 nests that way).
 */
export function createGroupCommit(sqlite: Database.Database, windowMs: number = groupCommitMsFromEnv()) {
  const state = stateOf(sqlite);
  const commit = () => {
    settleLostGroup(sqlite, state);
    if (!state.open) return;
    state.open = false;
    for (const d of state.deferred) {
      try {
        d.flush();
      } catch (error) {
        // a writer's fault must not hold back (or lose) the group's other writes; the writer logs its own faults
        console.error("Ensemble: deferred writes not applied before a group commit:", error);
      }
    }
    try {
      sqlite.exec("COMMIT");
    } catch (error) {
      // a COMMIT can fail and leave the transaction open (a deferred constraint, an I/O error): end it, so the
      // group's writes and the deferred writes flushed into it are dropped together and the next group starts clean
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  };
  const schedule = windowMs > 0 ? () => setTimeout(commit, windowMs) : () => setImmediate(commit);
  return {
    /** call before a write; a no-op when a group (or any transaction) is already open */
    enter() {
      if (sqlite.inTransaction) return;
      settleLostGroup(sqlite, state);
      sqlite.exec("BEGIN IMMEDIATE");
      state.open = true;
      schedule();
    },
    /** commits the open group now (its timer then finds nothing, or the next group, to commit early) */
    commitNow() {
      if (state.open) commit();
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

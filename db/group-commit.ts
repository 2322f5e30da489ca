import type Database from "better-sqlite3";

/**
 * Group commit: the first write of an event-loop turn opens one IMMEDIATE transaction, and it commits on
 * the next turn (setImmediate), so the dozen small writes a task makes, and those of every other task in
 * the same turn, share one commit instead of one each. Readers on this connection see the writes at once;
 * other connections see them a turn later. Durability is unchanged in kind: WAL with synchronous=NORMAL
 * already trades the last commits on power loss for speed, and this widens that window by one turn.
 * Nested `db.transaction()` calls become savepoints inside it (better-sqlite3 nests that way).
 */
export function createGroupCommit(sqlite: Database.Database) {
  let open = false;
  const commit = () => {
    open = false;
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
  };
  return {
    /** call before a write; a no-op when a group (or any transaction) is already open */
    enter() {
      if (open || sqlite.inTransaction) return;
      sqlite.exec("BEGIN IMMEDIATE");
      open = true;
      setImmediate(commit);
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;

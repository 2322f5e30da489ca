import { rmSync } from "node:fs";
import Database from "better-sqlite3";

/**
 * Which process owns a `running` discovery run. The runs table has no owner column, and the CLI's `discover`
 * runs in its own process without the server's instance lock (db/instance-lock.ts), so a run's owner holds an
 * exclusive SQLite lock on a small file beside the database, `<db>.discovery-<runId>.lock`, from before its
 * row is written until after its row says how it ended. The operating system drops the lock when the owner
 * exits however it exits, so "the lock is held" means "a live process is running it", whichever process that
 * is; a row still `running` whose lock is free was left by a process that died. An in-memory database needs no
 * file: nothing outside this process sees it, so only this process's own runs are live.
 */
export interface RunOwnership {
  /** Takes the run's lock for this process; release() after the run's row has its final status. */
  claim(runId: string): { release(): void };
  /** Is some live process (this one included) running it? */
  isLive(runId: string): boolean;
}

function lockPath(databaseFile: string, runId: string): string {
  return `${databaseFile}.discovery-${runId.replace(/[^\w-]/g, "_")}.lock`;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/** Opens the lock file and takes its exclusive lock (held until close), or throws SQLITE_BUSY. */
function lock(file: string, create: boolean): Database.Database {
  const handle = new Database(file, { timeout: 0, fileMustExist: !create });
  try {
    handle.pragma("locking_mode = EXCLUSIVE");
    handle.pragma("journal_mode = MEMORY");
    handle.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL); DELETE FROM holder;");
    handle.prepare("INSERT INTO holder (pid) VALUES (?)").run(process.pid);
    return handle;
  } catch (error) {
    handle.close();
    throw error;
  }
}

export function createRunOwnership(databaseFile: string): RunOwnership {
  const mine = new Map<string, Database.Database | null>();
  const inMemory = databaseFile === ":memory:" || databaseFile === "";

  return {
    claim(runId) {
      const handle = inMemory ? null : lock(lockPath(databaseFile, runId), true);
      mine.set(runId, handle);
      return {
        release() {
          mine.delete(runId);
          if (!handle) return;
          handle.close();
          rmSync(lockPath(databaseFile, runId), { force: true });
        },
      };
    },

    isLive(runId) {
      if (mine.has(runId)) return true;
      if (inMemory) return false;
      const file = lockPath(databaseFile, runId);
      let handle: Database.Database;
      try {
        handle = lock(file, false);
      } catch (error) {
        if (isBusy(error)) return true;
        // no lock file: a run from before owners were recorded, or one whose owner cleaned up after itself
        return false;
      }
      // we got the lock: nobody holds it, the owner died; clear the file it left behind
      handle.close();
      rmSync(file, { force: true });
      return false;
    },
  };
}

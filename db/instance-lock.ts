import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveDatabasePath } from "./client";

export class DatabaseInUseError extends Error {
  constructor(readonly databaseFile: string) {
    super(
      `another Ensemble server is already running on ${databaseFile}. One server per database: a second one would resume ` +
        "the first one's running tasks and run them twice. Stop the other server, or give this one its own DATABASE_URL.",
    );
    this.name = "DatabaseInUseError";
  }
}

export interface InstanceLock {
  release(): void;
}

/**
 * Claims the database for this server process, or throws DatabaseInUseError when a live process holds it.
 * The claim is an exclusive SQLite lock on a small file beside the database (`<db>.server-lock`), held for the
 * connection's life: the operating system drops it when the process ends however it ends, so a crash leaves
 * nothing stale behind. The CLI does not claim it: it only reads, submits and cancels, which the database
 * coordinates. An in-memory database is private to its process and needs no claim.
 */
export function claimDatabase(url: string): InstanceLock {
  const databaseFile = resolveDatabasePath(url);
  if (databaseFile === ":memory:") return { release() {} };
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  const lock = new Database(`${databaseFile}.server-lock`, { timeout: 0 });
  try {
    // held until close: in EXCLUSIVE locking mode the first write takes the file lock and never gives it back
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.pragma("journal_mode = MEMORY");
    lock.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL); DELETE FROM holder;");
    lock.prepare("INSERT INTO holder (pid) VALUES (?)").run(process.pid);
  } catch (error) {
    lock.close();
    if ((error as { code?: unknown }).code === "SQLITE_BUSY") throw new DatabaseInUseError(databaseFile);
    throw error;
  }
  return { release: () => lock.close() };
}

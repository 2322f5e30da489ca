import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/** How often the background connection copies the WAL into the database file. */
export const CHECKPOINT_EVERY_MS = 250;

/** SQLite's default: the writing connection checkpoints itself once the WAL holds this many pages. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/**
 * Past this many WAL pages (~80 MB) the writing connection still checkpoints itself. It only has to copy the
 * pages the background checkpoints have not reached yet, and afterwards the WAL starts over from its beginning
 * (a WAL restarts only once every page in it is copied, which steady writes can otherwise keep from happening).
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000;

// Plain CommonJS run by worker_threads (eval): no TypeScript loader or bundler reaches a worker. better-sqlite3
// resolves from the working directory, like the migrations folder (db/client.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = (report) => {
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    if (report) parentPort.postMessage({ type: "checkpointed", ...result });
  } catch (error) {
    parentPort.postMessage({ type: "error", message: String((error && error.message) || error) });
  }
};
const timer = setInterval(() => checkpoint(false), workerData.everyMs);
parentPort.on("message", (message) => {
  if (message === "checkpoint") return checkpoint(true);
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointReport {
  type: "checkpointed";
  /** 1 when a reader or writer kept the checkpoint from finishing (it resumes next time) */
  busy: number;
  /** pages in the WAL */
  log: number;
  /** pages of it copied into the database file */
  checkpointed: number;
}

export interface BackgroundCheckpoints {
  stop(): Promise<void>;
  /** checkpoints now; resolves with the outcome (tests) */
  now(): Promise<CheckpointReport>;
}

/**
 * WAL checkpoints on a second connection in a worker thread. A checkpoint copies the WAL into the database
 * file and syncs it to disk; done by the connection that commits, it stalls the event loop for milliseconds
 * several times a second at gateway rates (most of the gateway's p99). PASSIVE checkpoints never wait for and
 * never block writers, so the writing connection only keeps a far-off self-checkpoint as a safety net.
 * For the long-lived server; short-lived processes (CLI, tests) keep SQLite's default.
 */
export function startBackgroundCheckpoints(sqlite: Database.Database, everyMs: number = CHECKPOINT_EVERY_MS): BackgroundCheckpoints | undefined {
  if (sqlite.memory) return undefined;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: sqlite.name, everyMs } });
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const restoreDefault = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  // should the worker die, the writing connection goes back to checkpointing itself
  worker.once("error", (error) => {
    console.error(`background checkpoints stopped: ${error.message}`);
    restoreDefault();
  });
  worker.on("message", (message: CheckpointReport | { type: "error"; message: string }) => {
    if (message.type === "error") console.error(`background checkpoint failed: ${message.message}`);
  });
  return {
    async stop() {
      restoreDefault();
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("stop");
      await exited;
    },
    now() {
      return new Promise<CheckpointReport>((resolve, reject) => {
        const onMessage = (message: CheckpointReport | { type: "error"; message: string }) => {
          worker.off("message", onMessage);
          if (message.type === "error") reject(new Error(message.message));
          else resolve(message);
        };
        worker.on("message", onMessage);
        worker.postMessage("checkpoint");
      });
    },
  };
}

import { EventEmitter } from "node:events";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { labRuns } from "@/db/schema";
import { NotFoundError } from "@/server/orchestrator/errors";
import type { LabProgress, LabReport } from "@/server/orchestrator/lab";

export type LabRunStatus = "running" | "complete" | "failed";

export interface LabRun {
  id: string;
  dataset: string;
  status: LabRunStatus;
  progress: LabProgress;
  report?: LabReport;
  error?: string;
  elapsedMs?: number;
  startedAt: number;
  completedAt?: number;
}

/** A run without its report: what lists show. */
export type LabRunSummary = Omit<LabRun, "report"> & { target?: string };

type Row = typeof labRuns.$inferSelect;

function fromRow(row: Row): LabRun {
  return {
    id: row.id,
    dataset: row.dataset,
    status: row.status,
    progress: row.progress as LabProgress,
    ...(row.report ? { report: row.report as LabReport } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.elapsedMs !== null ? { elapsedMs: row.elapsedMs } : {}),
    startedAt: row.startedAt,
    ...(row.completedAt !== null ? { completedAt: row.completedAt } : {}),
  };
}

export const INTERRUPTED_RUN = "interrupted: the server stopped before the run finished";

/**
 * Lab runs in the lab_runs table (progress while running, the report once done: they survive a restart and can be
 * reopened), plus an in-process channel that pushes every change to watchers (the page's SSE subscription).
 */
export function createLabRunStore(db: Db) {
  const changes = new EventEmitter();
  changes.setMaxListeners(0);

  function find(id: string): LabRun | undefined {
    const row = db.select().from(labRuns).where(eq(labRuns.id, id)).get();
    return row && fromRow(row);
  }

  function publish(id: string) {
    const run = find(id);
    if (run) changes.emit(id, run);
  }

  return {
    create(run: { id: string; dataset: string; startedBy: string | null; startedAt: number; progress: LabProgress }): void {
      db.insert(labRuns).values({ ...run, status: "running" }).run();
      publish(run.id);
    },

    progress(id: string, progress: LabProgress): void {
      db.update(labRuns).set({ progress }).where(eq(labRuns.id, id)).run();
      publish(id);
    },

    finish(id: string, end: { status: "complete"; report: LabReport } | { status: "failed"; error: string }, at: number, startedAt: number): void {
      db.update(labRuns)
        .set({ status: end.status, ...(end.status === "complete" ? { report: end.report } : { error: end.error }), completedAt: at, elapsedMs: at - startedAt })
        .where(eq(labRuns.id, id))
        .run();
      publish(id);
    },

    get(id: string): LabRun {
      const run = find(id);
      if (!run) throw new NotFoundError("lab run", id);
      return run;
    },

    list(limit = 20): LabRunSummary[] {
      return db
        .select()
        .from(labRuns)
        .orderBy(desc(labRuns.startedAt))
        .limit(limit)
        .all()
        .map((row) => {
          const { report, ...run } = fromRow(row);
          return { ...run, ...(report ? { target: report.target.summary } : {}) };
        });
    },

    /** Runs left `running` by a stopped server end failed: nothing will ever finish them. */
    failInterrupted(at: number): number {
      const stale = db.select().from(labRuns).where(eq(labRuns.status, "running")).all();
      for (const row of stale) this.finish(row.id, { status: "failed", error: INTERRUPTED_RUN }, at, row.startedAt);
      return stale.length;
    },

    /** The run now, then every change, until it is complete or failed (or the signal aborts). */
    async *watch(id: string, signal?: AbortSignal): AsyncGenerator<LabRun> {
      const queue: LabRun[] = [];
      let wake: (() => void) | undefined;
      const listener = (run: LabRun) => {
        queue.push(run);
        wake?.();
      };
      changes.on(id, listener);
      const onAbort = () => wake?.();
      signal?.addEventListener("abort", onAbort);
      try {
        let run = this.get(id);
        yield run;
        while (run.status === "running" && !signal?.aborted) {
          if (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          const next = queue.shift();
          if (!next) continue;
          run = next;
          yield run;
        }
      } finally {
        changes.off(id, listener);
        signal?.removeEventListener("abort", onAbort);
      }
    },
  };
}

export type LabRunStore = ReturnType<typeof createLabRunStore>;

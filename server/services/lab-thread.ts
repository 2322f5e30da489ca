import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { LabDataset, LabProgress, LabReport } from "@/server/orchestrator/lab";

export type LabThreadMessage = { type: "progress"; progress: LabProgress } | { type: "done"; report: LabReport } | { type: "failed"; error: string };

// The entry is TypeScript: the worker registers tsx's loader (which also resolves the "@/" paths of tsconfig.json)
// and then imports it. Both resolve from the working directory, like the migrations folder (db/client.ts), so the
// tsx-run server, the tests and Next's bundle all find them.
function bootSource(): string {
  const entry = pathToFileURL(path.join(/*turbopackIgnore: true*/ process.cwd(), "server/services/lab-worker.ts")).href;
  return `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

/**
 * Runs a lab evaluation on a worker thread: preparing and tuning take seconds of CPU (1–2 s in one piece on the
 * 1,706-item dev set), which on the server's own thread would stall every request and task meanwhile.
 * Resolves with the report; rejects with the evaluation's own error, or if the thread dies.
 */
export function evaluateInThread(data: LabDataset, seed: number | undefined, onProgress: (progress: LabProgress) => void): Promise<LabReport> {
  return new Promise<LabReport>((resolve, reject) => {
    const worker = new Worker(bootSource(), { eval: true, workerData: { data, seed } });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on("message", (message: LabThreadMessage) => {
      if (message.type === "progress") onProgress(message.progress);
      else if (message.type === "done") settle(() => resolve(message.report));
      else settle(() => reject(new Error(message.error)));
    });
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) => settle(() => reject(new Error(`the lab's worker thread stopped (exit code ${code}) before its report`))));
  });
}

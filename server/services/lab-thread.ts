import { Worker } from "node:worker_threads";
import { tsWorkerSource } from "./ts-worker";
import type { LabDataset, LabProgress, LabReport } from "@/server/orchestrator/lab";

export type LabThreadMessage = { type: "progress"; progress: LabProgress } | { type: "done"; report: LabReport } | { type: "failed"; error: string };

/** What to evaluate: data in hand (Ensemble's history), or an imported set's folder, read on the worker thread. */
export type LabSource = { data: LabDataset } | { name: string; dir: string };

/**
 * Runs a lab evaluation on a worker thread: preparing and tuning take seconds of CPU (1–2 s in one piece on the
 * 1,706-item dev set), which on the server's own thread would stall every request and task meanwhile.
 * Resolves with the report; rejects with the evaluation's own error, or if the thread dies.
 */
export function evaluateInThread(source: LabSource, seed: number | undefined, onProgress: (progress: LabProgress) => void): Promise<LabReport> {
  return new Promise<LabReport>((resolve, reject) => {
    const worker = new Worker(tsWorkerSource("server/services/lab-worker.ts"), { eval: true, workerData: { source, seed } });
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

/**
 * Worker-thread entry of a lab run (started by lab-thread.ts): reads an imported set's folder, prepares the data
 * set (the analyzer on every prompt) and replays every policy, posting each step's progress and then the report. Runs TypeScript under
 * tsx's loader, which lab-thread.ts registers before importing this file.
 */
import { parentPort, workerData } from "node:worker_threads";
import { evaluateSteps } from "@/server/orchestrator/lab";
import { prepareLabData, readLabDir, requireItems } from "./lab-data";
import type { LabSource, LabThreadMessage } from "./lab-thread";

const { source, seed } = workerData as { source: LabSource; seed?: number };
const post = (message: LabThreadMessage) => parentPort?.postMessage(message);

try {
  const data = "data" in source ? source.data : requireItems(source.name, readLabDir(source.dir));
  const steps = evaluateSteps(prepareLabData(data), { seed });
  for (;;) {
    const next = steps.next();
    if (next.done) {
      post({ type: "done", report: next.value });
      break;
    }
    post({ type: "progress", progress: next.value });
  }
} catch (error) {
  post({ type: "failed", error: error instanceof Error ? error.message : String(error) });
}

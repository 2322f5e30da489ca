import { Worker } from "node:worker_threads";
import { createRemoteModelClients, type RemoteModelClients } from "@/server/providers/remote/remote-client";
import { tsWorkerSource } from "./ts-worker";

export interface ProviderThread {
  /** ModelClients whose calls (AI SDK, HTTP, response parsing) run on the provider thread */
  remoteModels: RemoteModelClients;
  /** ends the thread (tests; the server simply exits) */
  stop(): Promise<void>;
}

/**
 * Starts the thread the production server (server.ts) makes its provider calls on. The AI SDK, the HTTP client
 * and response parsing were a fifth of the server thread's CPU at gateway rates; over there they run on the
 * second core, while the engine, the database and all shared state (breakers, keys, the event bus) stay on the
 * server's thread. If the thread dies the process exits — tasks are durable and resume on restart — rather
 * than leave provider calls hanging.
 */
export function startProviderThread(): ProviderThread {
  const worker = new Worker(tsWorkerSource("server/services/provider-worker.ts"), { eval: true });
  const onError = (error: Error) => {
    console.error("Ensemble: the provider thread failed:", error);
    process.exit(1);
  };
  const onExit = (code: number) => {
    console.error(`Ensemble: the provider thread stopped (exit code ${code}).`);
    process.exit(1);
  };
  worker.once("error", onError);
  worker.once("exit", onExit);
  return {
    remoteModels: createRemoteModelClients(worker),
    async stop() {
      worker.off("error", onError);
      worker.off("exit", onExit);
      await worker.terminate();
    },
  };
}

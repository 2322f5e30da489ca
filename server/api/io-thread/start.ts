import { MessageChannel, Worker } from "node:worker_threads";
import { createRemoteModelClients, type RemoteModelClients } from "@/server/providers/remote/remote-client";
import type { Services } from "@/server/services/app";
import { tsWorkerSource } from "@/server/services/ts-worker";
import { serveGatewayFront } from "../gateway/thread/back";
import type { IoControlMessage, IoStatusMessage, IoThreadData } from "./protocol";

export interface IoThread {
  /** ModelClients whose provider calls (AI SDK, HTTP, response parsing) run on the I/O thread */
  remoteModels: RemoteModelClients;
  /** opens the gateway port on the I/O thread (once), answered by these services; resolves with the port bound */
  openGateway(services: () => Promise<Services> | Services, port: number, host?: string): Promise<number>;
  /** ends the thread (tests; the server simply exits) */
  stop(): Promise<void>;
}

/**
 * Starts the production server's I/O thread (server.ts). It makes every provider call — the AI SDK, the HTTP
 * client and response parsing were a fifth of the server thread's CPU at gateway rates — and serves the
 * gateway's own port, parsing requests and writing replies. The task engine, the database and all shared
 * state (breakers, keys, budgets, the event bus, cancels) stay on the server's thread, so nothing is shared
 * across threads but messages. If the thread dies the process exits (tasks are durable and resume on
 * restart) rather than leave calls hanging.
 */
export function startIoThread(): IoThread {
  const gateway = new MessageChannel();
  const control = new MessageChannel();
  const workerData: IoThreadData = { gateway: gateway.port2, control: control.port2 };
  const worker = new Worker(tsWorkerSource("server/api/io-thread/worker.ts"), { eval: true, workerData, transferList: [gateway.port2, control.port2] });
  const onError = (error: Error) => {
    console.error("Ensemble: the I/O thread failed:", error);
    process.exit(1);
  };
  const onExit = (code: number) => {
    console.error(`Ensemble: the I/O thread stopped (exit code ${code}).`);
    process.exit(1);
  };
  worker.once("error", onError);
  worker.once("exit", onExit);

  let gatewayOpened = false;
  return {
    remoteModels: createRemoteModelClients(worker),
    openGateway(services, port, host) {
      if (gatewayOpened) return Promise.reject(new Error("the gateway port is already open"));
      gatewayOpened = true;
      serveGatewayFront(gateway.port1, services);
      return new Promise((resolve, reject) => {
        control.port1.once("message", (status: IoStatusMessage) => {
          control.port1.unref();
          if (status.type === "listening") resolve(status.port);
          else reject(new Error(`gateway port ${port}: ${status.error}`));
        });
        control.port1.postMessage({ type: "listen", port, host } satisfies IoControlMessage);
      });
    },
    async stop() {
      worker.off("error", onError);
      worker.off("exit", onExit);
      gateway.port1.close();
      control.port1.close();
      await worker.terminate();
    },
  };
}

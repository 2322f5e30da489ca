import { parentPort } from "node:worker_threads";
import { serveProviderCalls } from "@/server/providers/remote/call-host";

if (!parentPort) throw new Error("server/services/provider-worker.ts runs as a worker thread (server/services/provider-thread.ts)");
serveProviderCalls(parentPort);

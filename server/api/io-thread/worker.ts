import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { serveProviderCalls } from "@/server/providers/remote/call-host";
import { createGatewayFront } from "../gateway/thread/front";
import type { IoControlMessage, IoStatusMessage, IoThreadData } from "./protocol";

if (!parentPort) throw new Error("server/api/io-thread/worker.ts runs as a worker thread (see start.ts)");
serveProviderCalls(parentPort);

const { gateway, control } = workerData as IoThreadData;
const report = (status: IoStatusMessage) => control.postMessage(status);
const front = createGatewayFront(gateway);
control.once("message", (message: IoControlMessage) => {
  front.once("error", (error) => report({ type: "listen-failed", error: error.message }));
  front.listen(message.port, message.host, () => report({ type: "listening", port: (front.address() as AddressInfo).port }));
});

import type { ModelClient, ModelSpec } from "@/server/orchestrator/spec";
import { createAiSdkClient } from "../ai-sdk";
import { toProviderError } from "../provider-errors";
import type { Link, ProviderCallMessage, ProviderReplyMessage, WireConnection } from "./protocol";

type OpenClient = (model: ModelSpec, connection: WireConnection) => ModelClient;

/**
 * The provider thread's end (the server's I/O thread, server/api/io-thread): runs the calls the server's thread sends through the same AI SDK client the
 * server would otherwise run itself, and sends back deltas, the result, or the failure already classified
 * as a ProviderError (kind, message, status, retry-after) so the engine decides exactly as it would in process.
 */
export function serveProviderCalls(link: Link<ProviderReplyMessage, ProviderCallMessage>, openClient: OpenClient = createAiSdkClient): void {
  const clients = new Map<number, ModelClient>();
  const running = new Map<number, AbortController>();

  // a client that cannot be built fails its calls with the reason; a throw here would take the whole thread down
  function openOrFailing(model: ModelSpec, connection: WireConnection): ModelClient {
    try {
      return openClient(model, connection);
    } catch (error) {
      const failure = () => Promise.reject(toProviderError(error));
      return { modelId: model.id, generate: failure, stream: () => ({ [Symbol.asyncIterator]: () => ({ next: failure }) }) };
    }
  }

  async function run(callId: number, client: ModelClient, mode: "generate" | "stream", request: Parameters<ModelClient["generate"]>[0]) {
    const controller = new AbortController();
    running.set(callId, controller);
    try {
      if (mode === "generate") {
        link.postMessage({ type: "result", callId, result: await client.generate({ ...request, signal: controller.signal }) });
        return;
      }
      for await (const part of client.stream({ ...request, signal: controller.signal })) {
        if (part.type === "text-delta") link.postMessage({ type: "delta", callId, text: part.text });
        else link.postMessage({ type: "result", callId, result: part.result });
      }
    } catch (error) {
      const failure = toProviderError(error, { signal: controller.signal });
      link.postMessage({ type: "failed", callId, error: { kind: failure.kind, message: failure.message, status: failure.status, retryAfterMs: failure.retryAfterMs } });
    } finally {
      running.delete(callId);
    }
  }

  link.on("message", (message) => {
    switch (message.type) {
      case "open":
        clients.set(message.clientId, openOrFailing(message.model, message.connection));
        return;
      case "close":
        clients.delete(message.clientId);
        return;
      case "abort":
        running.get(message.callId)?.abort();
        return;
      case "call": {
        const client = clients.get(message.clientId);
        if (client) void run(message.callId, client, message.mode, message.request);
        else link.postMessage({ type: "failed", callId: message.callId, error: { kind: "bad-request", message: `provider thread: no client ${message.clientId}` } });
        return;
      }
    }
  });
}

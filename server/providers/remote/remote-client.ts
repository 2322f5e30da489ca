import { ProviderError } from "@/server/orchestrator/errors";
import type { GenerateRequest, GenerateResult, ModelClient, ModelSpec, StreamPart } from "@/server/orchestrator/spec";
import { toProviderError } from "../provider-errors";
import type { Link, ProviderCallMessage, ProviderReplyMessage, WireConnection, WireError, WireRequest } from "./protocol";

type Reply = ProviderReplyMessage | { type: "aborted" };

function wireRequest(request: GenerateRequest): WireRequest {
  const { signal: _signal, ...rest } = request;
  return rest;
}

function failure(error: WireError): ProviderError {
  return new ProviderError(error.kind, error.message, error.status, error.retryAfterMs);
}

/** What an aborted call throws here, from the caller's own signal: the same error the in-process client throws. */
function aborted(signal: AbortSignal | undefined): ProviderError {
  return toProviderError(signal?.reason, { signal });
}

/** Replies of one streamed call, handed to the consumer in order, one awaited at a time. */
class ReplyQueue {
  private readonly replies: Reply[] = [];
  private waiter: ((reply: Reply) => void) | undefined;

  push(reply: Reply) {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter(reply);
    } else this.replies.push(reply);
  }

  next(): Promise<Reply> {
    const queued = this.replies.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => (this.waiter = resolve));
  }
}

/**
 * The server thread's end of the provider thread: ModelClients that send each call across and resolve with
 * what comes back. The caller's abort signal stays here: aborting settles the call at once (as an in-process
 * client would) and tells the other side to drop the request.
 */
export function createRemoteModelClients(link: Link<ProviderCallMessage, ProviderReplyMessage>) {
  let lastClientId = 0;
  let lastCallId = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  link.on("message", (reply) => pending.get(reply.callId)?.(reply));

  /** Starts a call; `receive` sees its replies until it returns true (settled), or until the caller aborts. */
  function start(clientId: number, mode: "generate" | "stream", request: GenerateRequest, receive: (reply: Reply) => boolean): () => void {
    const callId = ++lastCallId;
    const signal = request.signal;
    const finish = () => {
      pending.delete(callId);
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      finish();
      link.postMessage({ type: "abort", callId });
      receive({ type: "aborted" });
    };
    pending.set(callId, (reply) => {
      if (receive(reply)) finish();
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    link.postMessage({ type: "call", callId, clientId, mode, request: wireRequest(request) });
    // for a consumer that leaves a stream early: the other side stops reading the provider's reply
    return () => {
      if (!pending.has(callId)) return;
      finish();
      link.postMessage({ type: "abort", callId });
    };
  }

  function open(model: ModelSpec, connection: WireConnection): ModelClient & { close(): void } {
    const clientId = ++lastClientId;
    link.postMessage({ type: "open", clientId, model, connection: { baseUrl: connection.baseUrl, apiKey: connection.apiKey } });
    return {
      modelId: model.id,
      close: () => link.postMessage({ type: "close", clientId }),

      generate(request) {
        if (request.signal?.aborted) return Promise.reject(aborted(request.signal));
        return new Promise<GenerateResult>((resolve, reject) => {
          start(clientId, "generate", request, (reply) => {
            if (reply.type === "result") resolve(reply.result);
            else if (reply.type === "failed") reject(failure(reply.error));
            else if (reply.type === "aborted") reject(aborted(request.signal));
            return true;
          });
        });
      },

      async *stream(request): AsyncIterable<StreamPart> {
        if (request.signal?.aborted) throw aborted(request.signal);
        const queue = new ReplyQueue();
        const stop = start(clientId, "stream", request, (reply) => {
          queue.push(reply);
          return reply.type !== "delta";
        });
        try {
          for (;;) {
            const reply = await queue.next();
            if (reply.type === "delta") yield { type: "text-delta", text: reply.text };
            else if (reply.type === "result") {
              yield { type: "finish", result: reply.result };
              return;
            } else throw reply.type === "failed" ? failure(reply.error) : aborted(request.signal);
          }
        } finally {
          stop();
        }
      },
    };
  }

  return { open };
}

export type RemoteModelClients = ReturnType<typeof createRemoteModelClients>;

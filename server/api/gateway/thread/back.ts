import type { Services } from "@/server/services/app";
import type { Link } from "@/server/providers/remote/protocol";
import { answerGatewayRoute } from "../index";
import { headerOf } from "../node-adapter";
import type { GatewayRequest } from "../transport";
import type { BackMessage, FrontMessage } from "./protocol";

/**
 * The server thread's end of the gateway front: each request the front read off the gateway port is answered
 * by the same handlers as every other transport, on this thread's services, and the reply goes back — a
 * stream chunk by chunk. A caller who leaves is an `abort` from the front, seen by the handler's onAbort.
 */
export function serveGatewayFront(link: Link<BackMessage, FrontMessage>, services: () => Promise<Services> | Services): void {
  const leaving = new Map<number, Set<() => void>>();

  async function answer(message: Extract<FrontMessage, { type: "request" }>) {
    const arrived = performance.now();
    const { id, body } = message;
    const onLeave = new Set<() => void>();
    leaving.set(id, onLeave);
    const request: GatewayRequest = {
      header: (name) => headerOf(message.headers, name),
      readBody: async (limit) => (body === "too-large" || body.length > limit ? "too-large" : Buffer.from(body.buffer, body.byteOffset, body.length)),
      onAbort(fn) {
        onLeave.add(fn);
        return () => onLeave.delete(fn);
      },
    };
    try {
      const reply = await answerGatewayRoute(message.route, services, request, message.model);
      const handledMs = performance.now() - arrived;
      const head = { type: "reply", id, status: reply.status, headers: reply.headers, closeConnection: reply.closeConnection, handledMs } as const;
      if (typeof reply.body === "string") {
        link.postMessage({ ...head, body: reply.body });
        return;
      }
      link.postMessage({ ...head, body: null });
      const reader = reply.body.getReader();
      onLeave.add(() => void reader.cancel().catch(() => undefined));
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        link.postMessage({ type: "chunk", id, chunk: value });
      }
      link.postMessage({ type: "end", id });
    } finally {
      leaving.delete(id);
    }
  }

  link.on("message", (message) => {
    if (message.type === "request") {
      void answer(message).catch(() => link.postMessage({ type: "end", id: message.id }));
      return;
    }
    const callbacks = leaving.get(message.id);
    leaving.delete(message.id);
    for (const fn of callbacks ?? []) fn();
  });
}

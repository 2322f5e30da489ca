import type { GatewayReply, GatewayRequest } from "./transport";

/** A fetch Request (Next's route handlers) as the gateway sees it. */
export function fromFetchRequest(request: Request): GatewayRequest {
  return {
    header: (name) => request.headers.get(name),
    async readBody(limit) {
      if (!request.body) return Buffer.alloc(0);
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel();
          return "too-large";
        }
        chunks.push(value);
      }
      return Buffer.concat(chunks);
    },
    onAbort(fn) {
      request.signal.addEventListener("abort", fn, { once: true });
      return () => request.signal.removeEventListener("abort", fn);
    },
  };
}

export function toFetchResponse(reply: GatewayReply): Response {
  const headers = reply.closeConnection ? { ...reply.headers, connection: "close" } : reply.headers;
  return new Response(reply.body, { status: reply.status, headers });
}

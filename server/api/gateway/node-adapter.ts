import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { GatewayReply, GatewayRequest } from "./transport";

/** A header of node:http's parsed headers by lower-case name, repeated values joined as fetch's Headers join them. */
export function headerOf(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}

/**
 * A node:http request as the gateway sees it: the production entry (server.ts) serves /api/v1 through this,
 * without the web Request/Response objects and route wrapper Next would build for every call.
 */
export function fromNodeRequest(req: IncomingMessage, res: ServerResponse): GatewayRequest {
  return {
    header: (name) => headerOf(req.headers, name),
    readBody(limit) {
      return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            // stop reading; the reply closes the connection, so the unread rest cannot confuse the next request
            req.off("data", onData);
            req.pause();
            resolve("too-large");
            return;
          }
          chunks.push(chunk);
        };
        req.on("data", onData);
        req.once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
        req.once("error", reject);
      });
    },
    onAbort(fn) {
      const onClose = () => {
        if (!res.writableFinished) fn();
      };
      res.once("close", onClose);
      return () => res.off("close", onClose);
    },
  };
}

/** Resolves once `res` can take more (a 'drain'), or when it is gone (a 'close': the read loop then ends). */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

/**
 * Writes a reply: a whole body with its length, or a stream chunk by chunk (cancelled if the caller leaves). A
 * slow reader is waited for: the next chunk is read only once the socket took the last one, so the stream's
 * unread chunks stay in its own queue instead of piling up in the response's write buffer.
 */
export async function sendNodeReply(reply: GatewayReply, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | number> = reply.headers;
  if (reply.closeConnection) headers.connection = "close";
  if (typeof reply.body === "string") {
    headers["content-length"] = Buffer.byteLength(reply.body);
    res.writeHead(reply.status, headers);
    res.end(reply.body);
    return;
  }
  res.writeHead(reply.status, headers);
  const reader = reply.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  res.once("close", cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value) && !res.destroyed) await writable(res);
    }
    res.end();
  } finally {
    res.off("close", cancel);
  }
}

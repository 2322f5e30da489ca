import { createServer, type Server, type ServerResponse } from "node:http";
import type { Link } from "@/server/providers/remote/protocol";
import { MAX_BODY_BYTES } from "../body";
import { routeRefusal } from "../errors";
import { fromNodeRequest, sendNodeReply } from "../node-adapter";
import { matchGatewayRoute } from "../routes";
import type { BackMessage, FrontMessage } from "./protocol";

interface Open {
  res: ServerResponse;
  startedAt: number;
  stream?: ReadableStreamDefaultController<Uint8Array>;
}

const OVERHEAD_HEADER = "x-ensemble-overhead-ms";

/** The time Ensemble added includes the trip across threads (and reading the body), not only the engine's share. */
function withHops(headers: Record<string, string>, hopsMs: number): Record<string, string> {
  const engine = headers[OVERHEAD_HEADER];
  if (engine === undefined) return headers;
  return { ...headers, [OVERHEAD_HEADER]: (Number(engine) + Math.max(0, hopsMs)).toFixed(2) };
}

/**
 * The gateway port's HTTP server, on the I/O thread: it parses requests, reads bodies (capped like every
 * transport) and writes replies, while the server's thread only runs the task. The route table (routes.ts)
 * decides here, as on the dashboard's port: what no handler takes (a wrong method: 405 with Allow; OPTIONS: 204
 * with Allow; any other path, under /api/v1 or not: 404 unknown_url) is answered without the server's thread.
 */
export function createGatewayFront(link: Link<FrontMessage, BackMessage>): Server {
  let lastId = 0;
  const open = new Map<number, Open>();

  link.on("message", (message) => {
    const entry = open.get(message.id);
    if (!entry) return;
    if (message.type === "chunk") {
      entry.stream?.enqueue(message.chunk);
      return;
    }
    if (message.type === "end") {
      open.delete(message.id);
      entry.stream?.close();
      if (!entry.stream) entry.res.destroy();
      return;
    }
    const { status, closeConnection } = message;
    const headers = withHops(message.headers, performance.now() - entry.startedAt - message.handledMs);
    if (message.body !== null) {
      open.delete(message.id);
      sendNodeReply({ status, headers, closeConnection, body: message.body }, entry.res).catch(() => entry.res.destroy());
      return;
    }
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => void (entry.stream = controller),
      cancel: () => {
        if (open.delete(message.id)) link.postMessage({ type: "abort", id: message.id });
      },
    });
    sendNodeReply({ status, headers, closeConnection, body }, entry.res).catch(() => entry.res.destroy());
  });

  return createServer((req, res) => {
    const match = matchGatewayRoute(req.method, req.url);
    if (match.kind === "options") {
      res.writeHead(204, { allow: match.allow }).end();
      return;
    }
    if (match.kind !== "route") {
      sendNodeReply(routeRefusal(match, req.method, req.url), res).catch(() => res.destroy());
      return;
    }
    const { route, model } = match;
    const id = ++lastId;
    open.set(id, { res, startedAt: performance.now() });
    res.once("close", () => {
      if (open.delete(id)) link.postMessage({ type: "abort", id });
    });
    fromNodeRequest(req, res)
      .readBody(MAX_BODY_BYTES)
      .then(
        (body) => {
          if (body === "too-large") {
            link.postMessage({ type: "request", id, route, model, headers: req.headers, body });
            return;
          }
          // a copy of its own, moved rather than cloned: the read buffer may be a slice of a larger pooled one
          const bytes = new Uint8Array(body);
          link.postMessage({ type: "request", id, route, model, headers: req.headers, body: bytes }, [bytes.buffer]);
        },
        () => {
          open.delete(id);
          res.destroy();
        },
      );
  });
}

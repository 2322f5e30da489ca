import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "@/server/services/app";
import { chatCompletions } from "./chat-completions";
import { errorResponse } from "./errors";
import { fromFetchRequest, toFetchResponse } from "./fetch-adapter";
import { listModels } from "./list-models";
import { fromNodeRequest, sendNodeReply } from "./node-adapter";
import { gatewayRouteOf, type GatewayRoute } from "./routes";
import type { GatewayReply, GatewayRequest } from "./transport";

export { MAX_BODY_BYTES } from "./body";

type Handler = (services: Services, request: GatewayRequest) => Promise<GatewayReply> | GatewayReply;

/** Anything unexpected becomes an OpenAI-style 500, never an HTML page or a stack trace. */
async function guarded(handler: Handler, services: () => Promise<Services> | Services, request: GatewayRequest): Promise<GatewayReply> {
  try {
    return await handler(await services(), request);
  } catch (error) {
    return errorResponse(500, `Internal gateway error: ${error instanceof Error ? error.message : String(error)}`, { type: "api_error", code: "internal_error" });
  }
}

/**
 * The gateway's fetch handlers, over whichever services they are given: the Next route files pass the
 * process-wide ones, tests pass in-memory ones.
 */
export function createGatewayHandlers(services: () => Promise<Services> | Services) {
  const fetchHandler = (handler: Handler) => async (request: Request) => toFetchResponse(await guarded(handler, services, fromFetchRequest(request)));
  return { chatCompletions: fetchHandler(chatCompletions), models: fetchHandler(listModels) };
}

const HANDLERS: Record<GatewayRoute, Handler> = {
  "POST /api/v1/chat/completions": chatCompletions,
  "GET /api/v1/models": listModels,
};

/** A gateway route's reply, whichever transport the request came by. */
export function answerGatewayRoute(route: GatewayRoute, services: () => Promise<Services> | Services, request: GatewayRequest): Promise<GatewayReply> {
  return guarded(HANDLERS[route], services, request);
}

/**
 * For the node:http entry (server.ts): serves a gateway route and returns true, or returns false so the
 * request goes on to Next (which answers unknown /api/v1 paths with its 404).
 */
export function createNodeGateway(services: () => Promise<Services> | Services) {
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const route = gatewayRouteOf(req.method, req.url);
    if (!route) return false;
    void answerGatewayRoute(route, services, fromNodeRequest(req, res))
      .then((reply) => sendNodeReply(reply, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    return true;
  };
}

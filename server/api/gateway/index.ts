import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "@/server/services/app";
import { chatCompletions } from "./chat-completions";
import { errorResponse, routeRefusal } from "./errors";
import { fromFetchRequest, toFetchResponse } from "./fetch-adapter";
import { listModels, retrieveModel } from "./list-models";
import { fromNodeRequest, sendNodeReply } from "./node-adapter";
import { matchGatewayRoute, type GatewayRoute } from "./routes";
import type { GatewayReply, GatewayRequest } from "./transport";

export { MAX_BODY_BYTES } from "./body";

/** `model` is the retrieve-model path's `{model}`; the other routes take none. */
type Handler = (services: Services, request: GatewayRequest, model: string | undefined) => Promise<GatewayReply> | GatewayReply;

/** Anything unexpected becomes an OpenAI-style 500, never an HTML page or a stack trace. */
async function guarded(handler: Handler, services: () => Promise<Services> | Services, request: GatewayRequest, model?: string): Promise<GatewayReply> {
  try {
    return await handler(await services(), request, model);
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
  /** Any method on any /api/v1 path, decided by the route table (app/api/v1/[[...path]]/route.ts exports it for every method). */
  async function handle(request: Request): Promise<Response> {
    const { pathname, search } = new URL(request.url);
    const target = pathname + search;
    const match = matchGatewayRoute(request.method, target);
    if (match.kind === "route") return toFetchResponse(await guarded(HANDLERS[match.route], services, fromFetchRequest(request), match.model));
    if (match.kind === "options") return new Response(null, { status: 204, headers: { allow: match.allow } });
    return toFetchResponse(routeRefusal(match, request.method, target));
  }
  return { chatCompletions: fetchHandler(chatCompletions), models: fetchHandler(listModels), handle };
}

const HANDLERS: Record<GatewayRoute, Handler> = {
  "POST /api/v1/chat/completions": chatCompletions,
  "GET /api/v1/models": listModels,
  "GET /api/v1/models/{model}": retrieveModel,
};

/** A gateway route's reply, whichever transport the request came by. */
export function answerGatewayRoute(route: GatewayRoute, services: () => Promise<Services> | Services, request: GatewayRequest, model?: string): Promise<GatewayReply> {
  return guarded(HANDLERS[route], services, request, model);
}

/**
 * For the node:http entry (server.ts): answers every request under /api/v1 (a route's handler, or the route
 * table's 405 / OPTIONS 204 / 404 unknown_url) and returns true; returns false for any other path, which goes
 * on to Next.
 */
export function createNodeGateway(services: () => Promise<Services> | Services) {
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const match = matchGatewayRoute(req.method, req.url);
    if (match.kind === "outside") return false;
    if (match.kind === "options") {
      res.writeHead(204, { allow: match.allow }).end();
      return true;
    }
    if (match.kind !== "route") {
      sendNodeReply(routeRefusal(match, req.method, req.url), res).catch(() => res.destroy());
      return true;
    }
    void answerGatewayRoute(match.route, services, fromNodeRequest(req, res), match.model)
      .then((reply) => sendNodeReply(reply, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    return true;
  };
}

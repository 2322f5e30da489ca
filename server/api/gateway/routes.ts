/**
 * The gateway's route table, the one place every transport asks what a request under /api/v1 is: the I/O
 * thread's front (gateway port), server.ts's node entry (dashboard port) and the Next route file
 * (app/api/v1/[[...path]], under `next dev`). Known path and method → a handler; known path, wrong method → 405
 * with `Allow` (OPTIONS → 204 with `Allow`); anything else → 404 `unknown_url`. It imports nothing, so the I/O
 * thread can load it without the handlers.
 */

export const GATEWAY_PREFIX = "/api/v1";

export type GatewayRoute = "POST /api/v1/chat/completions" | "GET /api/v1/models" | "GET /api/v1/models/{model}";

export type GatewayMatch =
  /** a handler's route; `model` is the decoded `{model}` of the retrieve-model path */
  | { readonly kind: "route"; readonly route: GatewayRoute; readonly model?: string }
  /** OPTIONS on a known path: 204 with `allow` */
  | { readonly kind: "options"; readonly allow: string }
  /** a known path asked with a method it does not take: 405 with `allow` */
  | { readonly kind: "wrong-method"; readonly allow: string }
  /** under /api/v1 but no such path: 404 unknown_url */
  | { readonly kind: "unknown" }
  /** not under /api/v1 at all: the dashboard's port hands it to Next, the gateway port answers 404 unknown_url */
  | { readonly kind: "outside" };

export type RouteRefusal = Exclude<GatewayMatch, { kind: "route" }>;

interface Resource {
  /** method → the route it names */
  readonly methods: Readonly<Record<string, GatewayMatch & { kind: "route" }>>;
  readonly options: GatewayMatch;
  readonly wrongMethod: GatewayMatch;
}

function resource(routes: GatewayRoute[]): Resource {
  const methods: Record<string, GatewayMatch & { kind: "route" }> = Object.create(null) as Record<string, GatewayMatch & { kind: "route" }>;
  for (const route of routes) methods[route.slice(0, route.indexOf(" "))] = Object.freeze({ kind: "route", route } as const);
  const allow = Object.keys(methods).join(", ");
  return { methods, options: Object.freeze({ kind: "options", allow }), wrongMethod: Object.freeze({ kind: "wrong-method", allow }) };
}

const CHAT = resource(["POST /api/v1/chat/completions"]);
const MODELS = resource(["GET /api/v1/models"]);
const MODEL = resource(["GET /api/v1/models/{model}"]);

const PATHS: ReadonlyMap<string, Resource> = new Map([
  ["/api/v1/chat/completions", CHAT],
  ["/api/v1/models", MODELS],
]);
const MODEL_PATH_PREFIX = "/api/v1/models/";

/** The hot path's answer, returned as is (no allocation per request). */
const CHAT_COMPLETIONS = CHAT.methods.POST!;
const UNKNOWN: GatewayMatch = Object.freeze({ kind: "unknown" });
const OUTSIDE: GatewayMatch = Object.freeze({ kind: "outside" });

function matchMethod(found: Resource, method: string | undefined): GatewayMatch {
  const route = method === undefined ? undefined : found.methods[method];
  if (route) return route;
  return method === "OPTIONS" ? found.options : found.wrongMethod;
}

/**
 * What a request's method and target (as received: path and query, not decoded) ask of the gateway. A trailing
 * slash names the same path; the query is ignored; `{model}` may hold a slash, raw or as %2F (the openai client
 * encodes `ensemble/cascade` as `ensemble%2Fcascade`).
 */
export function matchGatewayRoute(method: string | undefined, url: string | undefined): GatewayMatch {
  // the hot path first, without building anything
  if (url === "/api/v1/chat/completions" && method === "POST") return CHAT_COMPLETIONS;
  const target = url ?? "/";
  if (!target.startsWith(GATEWAY_PREFIX)) return OUTSIDE;
  const end = target.indexOf("?");
  let path = end >= 0 ? target.slice(0, end) : target;
  if (path.length > GATEWAY_PREFIX.length && path.charCodeAt(GATEWAY_PREFIX.length) !== 0x2f) return OUTSIDE; // "/api/v1x"
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  const found = PATHS.get(path);
  if (found) return matchMethod(found, method);
  if (path.startsWith(MODEL_PATH_PREFIX)) {
    const model = decoded(path.slice(MODEL_PATH_PREFIX.length));
    if (!model) return UNKNOWN;
    const match = matchMethod(MODEL, method);
    return match.kind === "route" ? { kind: "route", route: match.route, model } : match;
  }
  return UNKNOWN;
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment) || null;
  } catch {
    return null; // malformed percent-encoding names no model
  }
}

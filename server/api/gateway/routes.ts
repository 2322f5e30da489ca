const ROUTES = new Set(["POST /api/v1/chat/completions", "GET /api/v1/models"] as const);

export type GatewayRoute = typeof ROUTES extends Set<infer R> ? R : never;

/** The gateway route a request's method and path (query ignored) name, if any; paths are as received. */
export function gatewayRouteOf(method: string | undefined, url: string | undefined): GatewayRoute | undefined {
  const target = url ?? "/";
  const query = target.indexOf("?");
  const key = `${method} ${query >= 0 ? target.slice(0, query) : target}`;
  return ROUTES.has(key as GatewayRoute) ? (key as GatewayRoute) : undefined;
}

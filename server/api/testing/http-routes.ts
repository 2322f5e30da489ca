import { createGatewayHandlers } from "../gateway";
import { createHttpRoutes } from "../http/route-handlers";
import { createTrpcHandler } from "../http/trpc-handler";
import type { Harness } from "./harness";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Who may call a route; each kind is checked differently by the enumeration test. */
export type RouteAccess =
  /** tRPC: a session, and each procedure's role */
  | "session"
  /** Prometheus: an admin session or ENSEMBLE_METRICS_TOKEN */
  | "admin-or-metrics-token"
  /** the OpenAI-compatible gateway: an API key */
  | "api-key"
  /** load balancers: deliberately public, reveals no secret */
  | "public"
  /** Auth.js's own endpoints (sign-in, session, csrf): public by nature, they are how one signs in */
  | "sign-in";

export interface RouteExpectation {
  methods: HttpMethod[];
  access: RouteAccess;
  /** a URL the route answers, for requests built by tests */
  url: string;
  /** per-method URL where the default one does not take that method */
  urls?: Partial<Record<HttpMethod, string>>;
  /**
   * the methods that reach a handler and its credential check, where not all of `methods` do: the gateway's file
   * exports every method, and its route table answers the others (405 with Allow, OPTIONS 204) before any key is read
   */
  credentialed?: HttpMethod[];
}

/**
 * Every route file under app/, keyed by its path, with the methods it exports and who may call it. The
 * enumeration test fails when this table and the filesystem disagree, so a new route must be added here
 * (and so gets its access checked and its handlers fuzzed).
 */
export const API_ROUTES: Record<string, RouteExpectation> = {
  "app/api/auth/[...nextauth]/route.ts": { methods: ["GET", "POST"], access: "sign-in", url: "/api/auth/session" },
  "app/api/health/route.ts": { methods: ["GET"], access: "public", url: "/api/health" },
  "app/api/metrics/route.ts": { methods: ["GET"], access: "admin-or-metrics-token", url: "/api/metrics" },
  "app/api/trpc/[trpc]/route.ts": { methods: ["GET", "POST"], access: "session", url: "/api/trpc/models.list", urls: { POST: "/api/trpc/tasks.cancel" } },
  "app/api/v1/[[...path]]/route.ts": {
    methods: [...HTTP_METHODS],
    access: "api-key",
    url: "/api/v1/models",
    urls: { POST: "/api/v1/chat/completions" },
    credentialed: ["GET", "POST"],
  },
};

/** The gateway's one route file: every /api/v1 path, decided by server/api/gateway/routes.ts. */
export const GATEWAY_ROUTE_FILE = "app/api/v1/[[...path]]/route.ts";

/** Every page under app/, keyed by its path, with a URL it serves; only /login is open to anonymous visitors. */
export const PAGES: Record<string, { url: string; public: boolean }> = {
  "app/(dashboard)/(home)/page.tsx": { url: "/", public: false },
  "app/(dashboard)/capabilities/page.tsx": { url: "/capabilities", public: false },
  "app/(dashboard)/keys/page.tsx": { url: "/keys", public: false },
  "app/(dashboard)/lab/page.tsx": { url: "/lab", public: false },
  "app/(dashboard)/metrics/page.tsx": { url: "/metrics", public: false },
  "app/(dashboard)/metrics/models/[id]/page.tsx": { url: "/metrics/models/sim-swift-mini", public: false },
  "app/(dashboard)/models/(list)/page.tsx": { url: "/models", public: false },
  "app/(dashboard)/models/[id]/page.tsx": { url: "/models/sim-swift-mini", public: false },
  "app/(dashboard)/tasks/(list)/page.tsx": { url: "/tasks", public: false },
  "app/(dashboard)/tasks/new/page.tsx": { url: "/tasks/new", public: false },
  "app/(dashboard)/tasks/[id]/page.tsx": { url: "/tasks/some-task", public: false },
  "app/(dashboard)/users/page.tsx": { url: "/users", public: false },
  "app/login/page.tsx": { url: "/login", public: true },
};

/** Stands in for the session cookie in tests: the signed-in user's id (Auth.js itself is covered by e2e). */
export const TEST_SESSION_HEADER = "x-test-session-user";

export type RouteHandler = (request: Request) => Promise<Response>;

/**
 * The handlers each route file binds, over the harness's services, keyed like API_ROUTES. The Auth.js route
 * has none here: next-auth cannot load outside Next, so its garbage handling is checked through
 * checkCredentials (server/auth/credentials.test.ts) and over HTTP in e2e/bad-input.spec.ts.
 */
export function routeHandlers(h: Harness, options: { metricsToken?: string } = {}): Record<string, Partial<Record<HttpMethod, RouteHandler>>> {
  const sessionUserId = async (request: Request) => request.headers.get(TEST_SESSION_HEADER);
  const http = createHttpRoutes({ services: () => h.services, sessionUserId, metricsToken: () => options.metricsToken });
  const trpc = createTrpcHandler({
    createContext: async (request) => {
      const id = await sessionUserId(request);
      return { services: h.services, user: id ? h.services.users.byId(id) : null };
    },
  });
  const gateway = createGatewayHandlers(() => h.services);
  return {
    "app/api/auth/[...nextauth]/route.ts": {},
    "app/api/health/route.ts": { GET: () => http.health() },
    "app/api/metrics/route.ts": { GET: http.metrics },
    "app/api/trpc/[trpc]/route.ts": { GET: trpc, POST: trpc },
    [GATEWAY_ROUTE_FILE]: Object.fromEntries(HTTP_METHODS.map((method) => [method, gateway.handle])),
  };
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authConfig, isPublicPath } from "@/server/auth/auth.config";
import { createHarness, type Harness } from "./testing/harness";
import { API_ROUTES, GATEWAY_ROUTE_FILE, HTTP_METHODS, PAGES, routeHandlers, TEST_SESSION_HEADER, type HttpMethod, type RouteHandler } from "./testing/http-routes";
import { allProcedures } from "./testing/procedures";

/**
 * Every route and page under app/, read from the filesystem, against the table in testing/http-routes.ts:
 * anonymous callers are refused everywhere except the health check (public, and it tells nothing secret),
 * the sign-in endpoints and the login page.
 */

const ROOT = process.cwd();

function filesNamed(name: string, dir = path.join(ROOT, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(name, full);
    return entry.name === name ? [path.relative(ROOT, full).split(path.sep).join("/")] : [];
  });
}

/**
 * The HTTP methods a route file exports, read from its text: route modules cannot all be imported outside Next
 * (next-auth needs Next's module resolution), and these four forms are the ones Next route files use.
 */
function exportedMethods(file: string): HttpMethod[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s+(\w+)\s*=/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}\s*=/g)) for (const n of m[1]!.split(",")) names.add(n.split(":").pop()!.trim());
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of m[1]!.split(",")) names.add(n.split(/\s+as\s+/).pop()!.trim());
  return HTTP_METHODS.filter((method) => names.has(method));
}

/** The proxy's matcher as a RegExp (Next reads it as a path-to-regexp pattern; ours is a plain regex group). */
function proxyMatchers(): RegExp[] {
  const source = readFileSync(path.join(ROOT, "proxy.ts"), "utf8");
  const list = /matcher:\s*\[([^\]]*)\]/.exec(source)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => new RegExp(`^${m[1]}$`));
}

const authorized = (url: string, signedIn: boolean) =>
  authConfig.callbacks.authorized({
    auth: signedIn ? { user: { email: "a@b.co" }, expires: "2999-01-01T00:00:00.000Z" } : null,
    request: { nextUrl: new URL(url, "http://localhost") },
  } as unknown as Parameters<typeof authConfig.callbacks.authorized>[0]);

describe("every route and page is in the access table", () => {
  it("lists exactly the route files on disk", () => {
    expect(filesNamed("route.ts").sort()).toEqual(Object.keys(API_ROUTES).sort());
  });

  it("lists exactly the pages on disk", () => {
    expect(filesNamed("page.tsx").sort()).toEqual(Object.keys(PAGES).sort());
  });

  it("knows every method each route file exports", () => {
    for (const [file, expected] of Object.entries(API_ROUTES)) expect([file, exportedMethods(file)]).toEqual([file, [...expected.methods].sort(byMethodOrder)]);
  });
});

function byMethodOrder(a: HttpMethod, b: HttpMethod) {
  return HTTP_METHODS.indexOf(a) - HTTP_METHODS.indexOf(b);
}

describe("pages", () => {
  const matchers = proxyMatchers();

  it("all go through the proxy, and API routes do not (they check their own credentials)", () => {
    expect(matchers.length).toBeGreaterThan(0);
    for (const { url } of Object.values(PAGES)) expect([url, matchers.some((m) => m.test(url))]).toEqual([url, true]);
    for (const { url } of Object.values(API_ROUTES)) expect([url, matchers.some((m) => m.test(url))]).toEqual([url, false]);
  });

  it("send anonymous visitors to /login, except /login itself", async () => {
    for (const [file, page] of Object.entries(PAGES)) {
      expect([file, await authorized(page.url, false)]).toEqual([file, page.public]);
      expect([file, await authorized(page.url, true)]).toEqual([file, true]);
    }
    expect(authConfig.pages.signIn).toBe("/login");
  });

  it("treat only /login (and below) as public, not lookalike paths", () => {
    expect(isPublicPath("/login")).toBe(true);
    expect(isPublicPath("/login/")).toBe(true);
    for (const p of ["/loginx", "/login-admin", "/logins/../users", "/users", "/", "/api/login"]) expect([p, isPublicPath(p)]).toEqual([p, false]);
  });
});

describe("API routes refuse anonymous callers", () => {
  let h: Harness;
  let handlers: ReturnType<typeof routeHandlers>;
  const METRICS_TOKEN = "metrics-token-for-tests-0123456789";

  beforeAll(async () => {
    h = await createHarness();
    handlers = routeHandlers(h, { metricsToken: METRICS_TOKEN });
  });

  const call = (file: string, method: HttpMethod, init: RequestInit & { url?: string } = {}) => {
    const handler = handlers[file]?.[method] as RouteHandler | undefined;
    if (!handler) throw new Error(`no test handler for ${method} ${file}`);
    const route = API_ROUTES[file]!;
    return handler(new Request(`http://localhost${init.url ?? route.urls?.[method] ?? route.url}`, { method, ...init }));
  };

  it("has a test handler for every method of every route that checks credentials", () => {
    for (const [file, route] of Object.entries(API_ROUTES)) {
      if (route.access === "sign-in") continue;
      for (const method of route.methods) expect([file, method, typeof handlers[file]?.[method]]).toEqual([file, method, "function"]);
    }
  });

  it("answers 401 with a JSON message on every credentialed route", async () => {
    for (const [file, route] of Object.entries(API_ROUTES)) {
      if (route.access === "public" || route.access === "sign-in") continue;
      for (const method of route.credentialed ?? route.methods) {
        const body = method === "GET" ? undefined : JSON.stringify({ model: "auto", messages: [{ role: "user", content: "hi" }] });
        const res = await call(file, method, { body, headers: { "content-type": "application/json" } });
        expect([file, method, res.status]).toEqual([file, method, 401]);
        expect(res.headers.get("content-type")).toMatch(/application\/json/);
        expect(JSON.stringify(await res.json())).toMatch(/"message":"[^"]+"/);
      }
    }
  });

  it("answers the gateway's anonymous callers in OpenAI's shape, bad keys included", async () => {
    for (const authorization of [undefined, "Bearer ", "Bearer ens_not-a-key", "Basic YWRtaW46cGFzcw==", `Bearer ${"x".repeat(10_000)}`]) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (authorization) headers.authorization = authorization;
      for (const [method, url] of [["GET", "/api/v1/models"], ["GET", "/api/v1/models/auto"], ["POST", "/api/v1/chat/completions"]] as const) {
        const res = await call(GATEWAY_ROUTE_FILE, method, { url, headers, body: method === "POST" ? "{}" : undefined });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: "invalid_api_key", type: "invalid_request_error" } });
      }
    }
  });

  it("answers the gateway's other methods from its route table, before any key is read", async () => {
    for (const method of HTTP_METHODS.filter((m) => !["GET", "POST"].includes(m))) {
      const res = await call(GATEWAY_ROUTE_FILE, method, { url: "/api/v1/chat/completions" });
      expect([method, res.status, res.headers.get("allow")]).toEqual([method, method === "OPTIONS" ? 204 : 405, "POST"]);
    }
  });

  it("refuses every tRPC procedure over HTTP without a session, and every mutation to a viewer", async () => {
    const file = "app/api/trpc/[trpc]/route.ts";
    for (const p of allProcedures()) {
      const input = encodeURIComponent(JSON.stringify({ json: {} }));
      const url = `/api/trpc/${p.path}${p.type === "mutation" ? "" : `?input=${input}`}`;
      const method = p.type === "mutation" ? "POST" : "GET";
      const init = (user?: string) => ({
        url,
        body: method === "POST" ? JSON.stringify({ json: {} }) : undefined,
        headers: { "content-type": "application/json", ...(user ? { [TEST_SESSION_HEADER]: user } : {}) },
      });
      const anonymous = await call(file, method, init());
      if (p.type === "subscription") {
        // tRPC answers a subscription with an event stream at once; the refusal is its one error event
        expect([p.path, anonymous.status, await anonymous.text()]).toEqual([p.path, 200, expect.stringMatching(/event: serialized-error\ndata: .*"UNAUTHORIZED"/)]);
        continue;
      }
      expect([p.path, anonymous.status]).toEqual([p.path, 401]);
      const body = (await anonymous.json()) as { error: { json: { message: string; data: { code: string } } } };
      expect([p.path, body.error.json.data.code, body.error.json.message]).toEqual([p.path, "UNAUTHORIZED", "Sign in to continue"]);
      if (p.type === "mutation") {
        const viewer = await call(file, method, init(h.users.viewer.id));
        expect([p.path, viewer.status]).toEqual([p.path, 403]);
      }
    }
  });

  it("opens /api/metrics to the scrape token and to admins only", async () => {
    const file = "app/api/metrics/route.ts";
    expect((await call(file, "GET", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
    expect((await call(file, "GET", { headers: { [TEST_SESSION_HEADER]: h.users.admin.id } })).status).toBe(200);
    expect((await call(file, "GET", { headers: { [TEST_SESSION_HEADER]: h.users.operator.id } })).status).toBe(401);
    expect((await call(file, "GET", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("keeps /api/health public, and it reveals nothing secret", async () => {
    const res = await call("app/api/health/route.ts", "GET");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body: unknown = await res.json();
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === "string") strings.push(value);
      else if (value && typeof value === "object") Object.values(value).forEach(walk);
      else expect(["number", "boolean"]).toContain(typeof value);
    };
    walk(body);
    // nothing but status words: no emails, URLs, keys, paths or messages
    for (const s of strings) expect(s).toMatch(/^[a-z]{1,12}$/);
    const text = JSON.stringify(body);
    for (const secret of [process.env.ENSEMBLE_SECRET!, METRICS_TOKEN, ...Object.values(h.users).map((u) => u.email), "ens_", "password"]) {
      expect(text).not.toContain(secret);
    }
  });
});

import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN } from "./fixtures";

/**
 * Bad input and access against the built app: the real route files, Auth.js and the proxy. The vitest suites
 * (server/api/fuzz.test.ts, server/api/http/http-fuzz.test.ts, server/api/routes-enumeration.test.ts) cover
 * the same handlers in depth; this checks the wiring Next adds around them.
 */

/** one URL per page under app/ (the enumeration test keeps its own table equal to the files) */
const PAGES = ["/", "/capabilities", "/keys", "/lab", "/metrics", "/metrics/models/sim-swift-mini", "/models", "/models/sim-swift-mini", "/tasks", "/tasks/new", "/tasks/x", "/users"];

/** Signs the request context in through the credentials callback, as the login form does. */
async function signIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
}

test("anonymous visitors are sent to /login from every page, and refused by every API route but health", async ({ request }) => {
  for (const url of PAGES) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect([url, res.status()]).toEqual([url, 307]);
    expect(res.headers().location).toMatch(/\/login\?callbackUrl=/);
  }
  expect((await request.get("/login", { maxRedirects: 0 })).status()).toBe(200);

  const trpc = await request.get("/api/trpc/models.list");
  expect(trpc.status()).toBe(401);
  expect(JSON.stringify(await trpc.json())).toContain("Sign in to continue");
  expect((await request.post("/api/trpc/tasks.submit", { data: { json: { prompt: "hi" } } })).status()).toBe(401);
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/v1/models")).status()).toBe(401);
  expect((await request.post("/api/v1/chat/completions", { data: { model: "auto", messages: [] } })).status()).toBe(401);
  // public: 200 when ok, 503 when no model is available; either way a JSON report with nothing secret
  const health = await request.get("/api/health");
  expect([200, 503]).toContain(health.status());
  expect(await health.json()).toMatchObject({ database: true });
  expect(await request.get("/api/auth/session").then((r) => r.json())).toBeNull();
});

test("garbage at the sign-in endpoint is refused without a server error", async ({ request }) => {
  const bodies: Array<Parameters<APIRequestContext["post"]>[1]> = [
    { data: "not a form" },
    { headers: { "content-type": "application/json" }, data: "{" },
    { form: { email: "x".repeat(10_000), password: "y" } },
    { form: { email: "nobody@e2e.test" } },
    { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "%%%&&&==" },
    { multipart: { email: "nobody@e2e.test", password: "wrong" } },
  ];
  for (const body of bodies) {
    const res = await request.post("/api/auth/callback/credentials", { ...body, maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
  }
  const oversized = await request.post("/api/auth/callback/credentials", { form: { email: "nobody@e2e.test", password: "x".repeat(100_000) }, maxRedirects: 0 });
  expect(oversized.status()).toBe(413);
  // with a valid CSRF token and garbage credentials: back to the login page with an error, no session
  const res = await signIn(request, "nobody@e2e.test", "x".repeat(5_000));
  expect(res.status()).toBeLessThan(500);
  expect(res.headers().location ?? "").toMatch(/error=CredentialsSignin/);
  expect(await request.get("/api/auth/session").then((r) => r.json())).toBeNull();
  // every Auth.js action, and some that do not exist, with no session and no CSRF token: never a server error
  const actions = ["error", "error?error=Configuration", "signin", "signin/nope", "signout", "providers", "session", "csrf", "verify-request", "callback/credentials", "callback/nope", "webauthn-options/x", "nonsense-action", "%E0%A4%A"];
  for (const action of actions) {
    for (const method of ["GET", "POST"] as const) {
      const res = await request.fetch(`/api/auth/${action}`, { method, form: method === "POST" ? { a: "b" } : undefined, maxRedirects: 0 });
      expect(res.status(), `${method} /api/auth/${action}`).toBeLessThan(500);
    }
  }
});

test("a signed-in admin's bad requests get 4xx answers: missing records 404, bad tRPC input names the problem", async ({ request }) => {
  const signedIn = await signIn(request, E2E_ADMIN.email, E2E_ADMIN.password);
  expect(signedIn.status()).toBe(302);
  expect(((await request.get("/api/auth/session").then((r) => r.json())) as { user?: { email?: string } }).user?.email).toBe(E2E_ADMIN.email);

  // a record that does not exist answers HTTP 404 (its check runs before the page starts streaming), a real one 200
  for (const url of ["/tasks/tsk_missing", "/models/no-such-model", "/no-such-page"]) expect([url, (await request.get(url)).status()]).toEqual([url, 404]);
  expect((await request.get("/models/sim-swift-mini")).status()).toBe(200);

  const tooLong = await request.post("/api/trpc/tasks.submit", { data: { json: { prompt: "x".repeat(100_001) } } });
  expect(tooLong.status()).toBe(400);
  expect(JSON.stringify(await tooLong.json())).toContain("prompt: must be at most 100,000 characters");

  const huge = await request.post("/api/trpc/tasks.submit", { headers: { "content-type": "application/json" }, data: `{"json":{"prompt":"${"x".repeat(3 * 1024 * 1024)}"}}` });
  expect(huge.status()).toBe(413);
  expect(JSON.stringify(await huge.json())).toContain("Request body is larger than");

  const brokenJson = await request.post("/api/trpc/tasks.submit", { headers: { "content-type": "application/json" }, data: "{" });
  expect(brokenJson.status()).toBe(400);
  expect((await request.get("/api/trpc/no.such.procedure")).status()).toBe(404);
  expect((await request.get(`/api/trpc/models.get?input=${encodeURIComponent("{")}`)).status()).toBe(400);
  const wrongType = await request.get(`/api/trpc/tasks.list?input=${encodeURIComponent(JSON.stringify({ json: { page: "one" } }))}`);
  expect(wrongType.status()).toBe(400);
  expect(JSON.stringify(await wrongType.json())).toContain("page:");

  // and the server is still up
  expect((await request.get("/api/trpc/models.list")).status()).toBe(200);
});

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../testing/harness";
import { chatBodies, hostileBody, hostileHeaders, hostileQuery, superjsonTricks, toRequest, type RequestSpec } from "../testing/http-arbitraries";
import { hostileInput } from "../testing/fuzz-arbitraries";
import { API_ROUTES, GATEWAY_ROUTE_FILE, routeHandlers, TEST_SESSION_HEADER, type HttpMethod, type RouteHandler } from "../testing/http-routes";
import { allProcedures } from "../testing/procedures";

/**
 * Property: whatever request reaches a route handler (broken or oversized bodies, odd content types, bad
 * credentials, random query strings and paths), the answer is 2xx/3xx or a 4xx whose JSON body names the
 * problem; never a 5xx, except the gateway's documented upstream outcomes (502 upstream_error, 503
 * no_model_available), which are about the models, not the request. Routes come from API_ROUTES, which the
 * enumeration test keeps equal to the files under app/.
 */

const SEED = 27112026;
const RUNS = 150;
const BODY_READ_TIMEOUT_MS = 10_000;
const METRICS_TOKEN = "metrics-token-for-tests-0123456789";

/** Statuses that describe the upstream models, not the request, with the codes that must accompany them. */
const UPSTREAM_OUTCOMES: Record<number, string[]> = { 502: ["upstream_error"], 503: ["no_model_available"] };

const tallies = new Map<string, Record<number, number>>();
/** distinct error messages seen (numbers and quoted values folded), printed as a sample of what clients read */
const messagesSeen = new Set<string>();

let h: Harness;
let handlers: ReturnType<typeof routeHandlers>;
let apiKey: string;

beforeAll(async () => {
  h = await createHarness();
  handlers = routeHandlers(h, { metricsToken: METRICS_TOKEN });
  apiKey = h.services.apiKeys.create({ name: "fuzz", rateLimitPerMinute: 1_000_000 }).key;
});

afterAll(() => {
  const rows = [...tallies].map(([route, statuses]) => {
    const total = Object.values(statuses).reduce((a, b) => a + b, 0);
    return `${route.padEnd(44)} ${String(total).padStart(4)} requests  ${JSON.stringify(statuses)}`;
  });
  console.log(`HTTP fuzz (seed ${SEED}), statuses per route:\n${rows.join("\n")}`);
  console.log(`${messagesSeen.size} distinct error messages, e.g.:\n${[...messagesSeen].sort().join("\n")}`);
});

/** The body, read to its end or cut off after a while (an event stream of a live task could run on). */
async function readBody(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  const deadline = Date.now() + BODY_READ_TIMEOUT_MS;
  for (;;) {
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now())).unref());
    const next = await Promise.race([reader.read(), timeout]);
    if (next === "timeout") {
      await reader.cancel();
      break;
    }
    if (next.done) break;
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The error message of whichever JSON error shape the route uses: tRPC (single or batched), OpenAI, or ours. */
function messagesOf(body: unknown): string[] {
  if (Array.isArray(body)) return body.flatMap(messagesOf);
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error !== "object" || error === null) return [];
  const trpc = (error as { json?: { message?: unknown } }).json;
  const message = trpc ? trpc.message : (error as { message?: unknown }).message;
  return typeof message === "string" ? [message] : [];
}

function describeSpec(spec: RequestSpec): string {
  const body = spec.body === undefined ? "" : typeof spec.body === "string" ? spec.body.slice(0, 200) : spec.body instanceof Uint8Array ? `<${spec.body.length} bytes>` : `<chunked ${spec.body.chunkedBytes} bytes>`;
  return `${spec.method} ${spec.url.slice(0, 200)} ${JSON.stringify(spec.headers).slice(0, 300)} ${body}`;
}

async function expectHandled(label: string, handler: RouteHandler, spec: RequestSpec) {
  const res = await handler(toRequest(spec));
  const text = await readBody(res);
  const statuses = tallies.get(label) ?? {};
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  tallies.set(label, statuses);
  const context = () => `${label}: ${res.status} for ${describeSpec(spec)}\n${text.slice(0, 500)}`;

  const contentType = res.headers.get("content-type") ?? "";
  if (contentType.includes("text/event-stream")) {
    // an event stream starts with 200; errors arrive as events and must be client errors too
    for (const m of text.matchAll(/event: serialized-error\ndata: (.*)/g)) {
      const error = JSON.parse(m[1]!) as { json: { message: string; data: { httpStatus: number } } };
      expect(error.json.data.httpStatus, context()).toBeLessThan(500);
      expect(error.json.message, context()).toMatch(/\S/);
    }
  }
  if (res.status >= 500) {
    const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? "";
    expect(UPSTREAM_OUTCOMES[res.status] ?? [], context()).toContain(code);
  }
  if (res.status >= 400) {
    expect(contentType, context()).toMatch(/application\/json/);
    const messages = messagesOf(JSON.parse(text));
    expect(messages.length, context()).toBeGreaterThan(0);
    for (const message of messages) {
      messagesSeen.add(`${res.status} ${message.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, "N").slice(0, 140)}`);
      expect(message, context()).toMatch(/\S/);
      expect(message.length, context()).toBeLessThanOrEqual(2_000);
    }
  }
}

const sessions = () =>
  fc.option(
    fc.constantFrom<[string, string]>([TEST_SESSION_HEADER, h.users.admin.id], [TEST_SESSION_HEADER, h.users.viewer.id], [TEST_SESSION_HEADER, "no-such-user"]),
    { nil: undefined },
  );

const badAuthorizations = fc.constantFrom(undefined, "", "Bearer", "Bearer ", "Bearer ens_nope", "bearer ens_nope", "Basic YTpi", `Bearer ${"k".repeat(300)}`, "Bearer \u00e9");

/** Paths under /api/v1 besides each method's own: known, retrieve-model, trailing slashes, unknown, malformed. */
const GATEWAY_PATHS = [
  "/api/v1",
  "/api/v1/",
  "/api/v1/models/",
  "/api/v1/models/auto",
  "/api/v1/models/ensemble%2Fcascade",
  "/api/v1/models/sim-swift-mini/",
  "/api/v1/models/no-such-model",
  "/api/v1/models/%E0%A4%A",
  `/api/v1/models/${"m".repeat(5_000)}`,
  "/api/v1/chat/completions/",
  "/api/v1/chat",
  "/api/v1/completions",
  "/api/v1/embeddings",
  "/api/v1/..%2F..%2Fhealth",
];

/** Bodies and queries per route: the gateway gets near-valid completions too, tRPC near-valid procedure inputs. */
function requestsFor(file: string, method: HttpMethod): fc.Arbitrary<RequestSpec> {
  const route = API_ROUTES[file]!;
  const base = `http://localhost${route.urls?.[method] ?? route.url}`;
  const withKey = fc.oneof(badAuthorizations, fc.constant(`Bearer ${apiKey}`), fc.constant(`Bearer ${apiKey}`));
  const plausible = fc.constantFrom(...h.services.roster.list().map((m) => m.id), h.users.admin.id, "auto", "math");

  if (file === "app/api/trpc/[trpc]/route.ts") {
    const procedures = allProcedures();
    const paths = fc.oneof(
      fc.constantFrom(...procedures.map((p) => p.path)),
      fc.array(fc.constantFrom(...procedures.map((p) => p.path)), { minLength: 2, maxLength: 4 }).map((p) => p.join(",")),
      fc.constantFrom("", "nope", "models", "models.list.extra", "..%2F..%2Fetc", "%E0%A4%A", "__proto__.polluted", "constructor"),
    );
    const query = fc.oneof(hostileQuery, superjsonTricks.map((t) => `?input=${encodeURIComponent(t)}`));
    const inputs = fc.constantFrom(...procedures).chain((p) => hostileInput(p.inputs[0], plausible));
    const trpcBody = fc.oneof(hostileBody, superjsonTricks, inputs.map((v) => safeJson({ json: v })), inputs.map((v) => safeJson({ 0: { json: v }, 1: { json: v } })));
    return fc
      .record({ path: paths, query, headers: hostileHeaders(badAuthorizations, sessions()), body: trpcBody })
      .map(({ path, query, headers, body }) => ({ method, url: `http://localhost/api/trpc/${path}${query}`, headers, body }));
  }
  const gateway = file === GATEWAY_ROUTE_FILE;
  const body = gateway && method === "POST" ? fc.oneof(hostileBody, chatBodies(h.services.roster.list().map((m) => m.id), plausible)) : hostileBody;
  const authorizations = route.access === "api-key" ? withKey : fc.oneof(badAuthorizations, fc.constant(`Bearer ${METRICS_TOKEN}`));
  // the gateway's file takes every /api/v1 path: mostly its route for this method, sometimes another or none
  const urls = gateway
    ? fc.oneof({ weight: 3, arbitrary: fc.constant(base) }, { weight: 1, arbitrary: fc.constantFrom(...GATEWAY_PATHS).map((p) => `http://localhost${p}`) })
    : fc.constant(base);
  return fc
    .record({ url: urls, query: hostileQuery, headers: hostileHeaders(authorizations, sessions()), body })
    .map(({ url, query, headers, body }) => ({ method, url: `${url}${query}`, headers, body }));
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return "{}";
  }
}

describe("every HTTP route survives hostile requests", () => {
  for (const [file, route] of Object.entries(API_ROUTES)) {
    if (route.access === "sign-in") continue; // next-auth cannot load outside Next: see credentials.test.ts and e2e/bad-input.spec.ts
    for (const method of route.methods) {
      const label = `${method} ${file.replace(/^app/, "").replace(/\/route\.ts$/, "")}`;
      it(`${label} answers 2xx/3xx or a 4xx naming the problem`, async () => {
        const handler = handlers[file]![method]!;
        await fc.assert(
          fc.asyncProperty(requestsFor(file, method), (spec) => expectHandled(label, handler, spec)),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      });
    }
  }

  it("refuses a body over the limit with 413 before reading it all", async () => {
    const trpc = handlers["app/api/trpc/[trpc]/route.ts"]!.POST!;
    const declared = await trpc(
      toRequest({ method: "POST", url: "http://localhost/api/trpc/tasks.submit", headers: { "content-type": "application/json", "content-length": String(3 * 1024 * 1024), [TEST_SESSION_HEADER]: h.users.admin.id }, body: "{}" }),
    );
    expect(declared.status).toBe(413);
    expect(messagesOf(await declared.json())[0]).toBe("Request body is larger than 2,097,152 bytes");
    const chunked = await trpc(
      toRequest({ method: "POST", url: "http://localhost/api/trpc/tasks.submit", headers: { "content-type": "application/json", [TEST_SESSION_HEADER]: h.users.admin.id }, body: { chunkedBytes: 3 * 1024 * 1024 } }),
    );
    expect(chunked.status).toBe(413);
    const gateway = handlers[GATEWAY_ROUTE_FILE]!.POST!;
    const big = await gateway(toRequest({ method: "POST", url: "http://localhost/api/v1/chat/completions", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body: { chunkedBytes: 2 * 1024 * 1024 } }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: "request_too_large" } });
  });

  it("still answers well-formed requests afterwards", async () => {
    const get = (file: string, url: string, headers: Record<string, string> = {}) => handlers[file]!.GET!(new Request(`http://localhost${url}`, { headers }));
    expect((await get("app/api/health/route.ts", "/api/health")).status).toBe(200);
    expect((await get(GATEWAY_ROUTE_FILE, "/api/v1/models", { authorization: `Bearer ${apiKey}` })).status).toBe(200);
    expect((await get("app/api/metrics/route.ts", "/api/metrics", { authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200);
    const list = await get("app/api/trpc/[trpc]/route.ts", `/api/trpc/models.list`, { [TEST_SESSION_HEADER]: h.users.viewer.id });
    expect(list.status).toBe(200);
    expect(({}) as Record<string, unknown>).not.toHaveProperty("polluted");
  });
});

describe("superjson metadata tricks", () => {
  it("are refused or ignored by every procedure they are sent to, as an admin", async () => {
    const trpc = handlers["app/api/trpc/[trpc]/route.ts"]!;
    const tricks = fc.sample(superjsonTricks, { seed: SEED, numRuns: 200 });
    const unique = [...new Set(tricks)];
    for (const p of allProcedures().filter((x) => x.type !== "subscription")) {
      for (const trick of unique) {
        const spec: RequestSpec =
          p.type === "mutation"
            ? { method: "POST", url: `http://localhost/api/trpc/${p.path}`, headers: { "content-type": "application/json", [TEST_SESSION_HEADER]: h.users.admin.id }, body: trick }
            : { method: "GET", url: `http://localhost/api/trpc/${p.path}?input=${encodeURIComponent(trick)}`, headers: { [TEST_SESSION_HEADER]: h.users.admin.id } };
        await expectHandled(`superjson tricks (${p.type})`, p.type === "mutation" ? trpc.POST! : trpc.GET!, spec);
      }
    }
    expect(({}) as Record<string, unknown>).not.toHaveProperty("polluted");
  });
});

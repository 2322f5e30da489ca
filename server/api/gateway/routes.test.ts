import { createServer } from "node:http";
import { MessageChannel } from "node:worker_threads";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../testing/harness";
import { createGatewayHandlers, createNodeGateway } from "./index";
import { matchGatewayRoute } from "./routes";
import { serveGatewayFront } from "./thread/back";
import { createGatewayFront } from "./thread/front";
import { listen } from "./testing/fixtures";

/**
 * The route table on every transport: the gateway's own port (the I/O thread's front, the server thread's end
 * across a message port), the dashboard's port (server.ts's node entry, Next behind it) and Next's route file
 * (app/api/v1/[[...path]], under `next dev`). Each must answer every /api/v1 request the same way.
 */

type Call = (path: string, init?: RequestInit) => Promise<Response>;
interface Transport {
  /** raw requests by path */
  call: Call;
  /** the fetch the openai client uses, and the origin it is pointed at */
  fetch: typeof fetch;
  origin: string;
  close(): Promise<void>;
}

let h: Harness;
let key: string;
const NEXT_STAND_IN = "<html>Next's page</html>";


function overHttp({ origin, close }: { origin: string; close(): Promise<void> }): Transport {
  return { origin, close, fetch, call: (path, init) => fetch(`${origin}${path}`, init) };
}

async function gatewayPort(): Promise<Transport> {
  const channel = new MessageChannel();
  serveGatewayFront(channel.port1, () => h.services);
  const served = await listen(createGatewayFront(channel.port2));
  return overHttp({ origin: served.origin, close: async () => (await served.close(), channel.port1.close()) });
}

/** As server.ts serves the dashboard's port: the gateway first, everything else to Next (a stand-in page here). */
async function dashboardPort(): Promise<Transport> {
  const gateway = createNodeGateway(() => h.services);
  return overHttp(
    await listen(
      createServer((req, res) => {
        if (gateway(req, res)) return;
        res.writeHead(404, { "content-type": "text/html" }).end(NEXT_STAND_IN);
      }),
    ),
  );
}

/** The handler app/api/v1/[[...path]]/route.ts exports for every method, given Requests as Next gives them. */
async function nextRouteFile(): Promise<Transport> {
  const { handle } = createGatewayHandlers(() => h.services);
  const origin = "http://localhost:3000";
  const viaHandler = ((input: string | URL | Request, init?: RequestInit) => handle(new Request(input, init))) as typeof fetch;
  return { origin, close: async () => undefined, fetch: viaHandler, call: (path, init) => handle(new Request(`${origin}${path}`, init)) };
}

const TRANSPORTS = [
  ["the gateway's own port (I/O thread front)", gatewayPort],
  ["the dashboard's port (server.ts)", dashboardPort],
  ["Next's route file (next dev)", nextRouteFile],
] as const;

beforeAll(async () => {
  h = await createHarness();
  const provider = h.services.providers.create({ name: "nowhere", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1" });
  h.services.roster.create({ id: "off-model", name: "Off", providerId: provider.id, remoteModel: "x", contextWindow: 8000, inputUsdPerMTok: 1, outputUsdPerMTok: 1, enabled: false });
  key = h.services.apiKeys.create({ name: "routes", rateLimitPerMinute: 100_000 }).key;
});

const authorized = (init: RequestInit = {}): RequestInit => ({ ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) } });

describe.each(TRANSPORTS)("/api/v1 on %s", (_name, start) => {
  let t: Transport;
  let client: OpenAI;
  beforeAll(async () => {
    t = await start();
    client = new OpenAI({ baseURL: `${t.origin}/api/v1`, apiKey: key, maxRetries: 0, fetch: t.fetch });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("retrieves a model with the openai client: each entry the list shows, by its id", async () => {
    const listed = new Map<string, OpenAI.Models.Model>();
    for await (const m of client.models.list()) listed.set(m.id, m);
    for (const id of ["sim-swift-mini", "auto", "ensemble/cascade"]) {
      const model = await client.models.retrieve(id);
      expect(model).toEqual({ id, object: "model", created: expect.any(Number), owned_by: expect.any(String) });
      expect(model).toEqual(listed.get(id));
    }
    // a slash in the id may also come unencoded
    const raw = await t.call("/api/v1/models/ensemble/vote", authorized());
    expect(await raw.json()).toMatchObject({ id: "ensemble/vote", object: "model" });
  });

  it("answers an unknown or disabled model with OpenAI's 404 model_not_found, and asks for a key like /models", async () => {
    for (const id of ["no-such-model", "off-model", "ensemble/nope"]) {
      const error = await client.models.retrieve(id).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error).toMatchObject({ status: 404, code: "model_not_found", param: "model", type: "invalid_request_error" });
    }
    const anonymous = new OpenAI({ baseURL: `${t.origin}/api/v1`, apiKey: "ens_wrong", maxRetries: 0, fetch: t.fetch });
    await expect(anonymous.models.retrieve("auto")).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("answers a known path asked with another method with 405, Allow and OpenAI's error shape", async () => {
    for (const [method, path, allow] of [
      ["GET", "/api/v1/chat/completions", "POST"],
      ["PUT", "/api/v1/chat/completions?x=1", "POST"],
      ["POST", "/api/v1/models", "GET"],
      ["DELETE", "/api/v1/models/auto", "GET"],
      ["HEAD", "/api/v1/models", "GET"],
    ] as const) {
      const response = await t.call(path, authorized({ method }));
      expect([method, path, response.status, response.headers.get("allow")]).toEqual([method, path, 405, allow]);
      if (method === "HEAD") continue;
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(await response.json()).toEqual({
        error: { message: expect.stringContaining(`This URL takes ${allow}`), type: "invalid_request_error", param: null, code: "method_not_allowed" },
      });
    }
  });

  it("answers OPTIONS with 204 and Allow, without CORS headers", async () => {
    for (const [path, allow] of [
      ["/api/v1/chat/completions", "POST"],
      ["/api/v1/models/", "GET"],
      ["/api/v1/models/auto", "GET"],
    ] as const) {
      const response = await t.call(path, { method: "OPTIONS", headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" } });
      expect([path, response.status, response.headers.get("allow")]).toEqual([path, 204, allow]);
      expect(await response.text()).toBe("");
      expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
    }
  });

  it("treats a trailing slash as the same route", async () => {
    const list = await t.call("/api/v1/models/", authorized());
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ object: "list", data: expect.arrayContaining([expect.objectContaining({ id: "auto" })]) });
    const one = await t.call("/api/v1/models/sim-swift-mini/", authorized());
    expect(await one.json()).toMatchObject({ id: "sim-swift-mini", object: "model" });
    const completion = await t.call(
      "/api/v1/chat/completions/",
      authorized({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "sim-swift-mini", messages: [{ role: "user", content: "hi" }] }) }),
    );
    expect(completion.status).toBe(200);
    expect(await completion.json()).toMatchObject({ object: "chat.completion", model: "sim-swift-mini" });
  });

  it("answers every other /api/v1 path with OpenAI's 404 unknown_url, whatever the method", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1"],
      ["GET", "/api/v1/"],
      ["POST", "/api/v1/completions"],
      ["POST", "/api/v1/embeddings"],
      ["GET", "/api/v1/chat"],
      ["OPTIONS", "/api/v1/nope"],
      ["GET", "/api/v1/models/%E0%A4%A"],
      ["GET", `/api/v1/${"x".repeat(3_000)}`],
    ] as const) {
      const response = await t.call(path, authorized({ method }));
      expect([method, path.slice(0, 40), response.status]).toEqual([method, path.slice(0, 40), 404]);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      const body = (await response.json()) as { error: { message: string; code: string; type: string } };
      expect(body.error).toMatchObject({ code: "unknown_url", type: "invalid_request_error" });
      expect(body.error.message.length).toBeLessThan(600);
    }
  });
});

describe("one route table for every transport", () => {
  it("gives the same status, Allow and error code on all three", async () => {
    const transports = await Promise.all(TRANSPORTS.map(([, start]) => start()));
    try {
      const requests: Array<[string, string]> = [];
      for (const path of ["/api/v1/chat/completions", "/api/v1/models", "/api/v1/models/auto", "/api/v1/models/nope/", "/api/v1/x", "/api/v1"]) {
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) requests.push([method, path]);
      }
      const outcomes = await Promise.all(
        transports.map(async (t) => {
          const seen: string[] = [];
          for (const [method, path] of requests) {
            const body = method === "POST" ? JSON.stringify({ model: "sim-swift-mini", messages: [{ role: "user", content: "same" }] }) : undefined;
            const response = await t.call(path, authorized({ method, body }));
            const text = await response.text();
            const code = text.startsWith("{") ? ((JSON.parse(text) as { error?: { code?: string } }).error?.code ?? "ok") : text;
            seen.push(`${method} ${path} → ${response.status} ${response.headers.get("allow") ?? "-"} ${code}`);
          }
          return seen;
        }),
      );
      expect(outcomes[1]).toEqual(outcomes[0]);
      expect(outcomes[2]).toEqual(outcomes[0]);
      expect(outcomes[0]).toContain("GET /api/v1/chat/completions → 405 POST method_not_allowed");
      expect(outcomes[0]).toContain("OPTIONS /api/v1/models → 204 GET ");
    } finally {
      for (const t of transports) await t.close();
    }
  });

  it("leaves the dashboard's own paths to Next, on the dashboard's port only", async () => {
    const [gateway, dashboard] = await Promise.all([gatewayPort(), dashboardPort()]);
    try {
      for (const path of ["/", "/tasks", "/api/health", "/api/v1x", "/api/v10/models"]) {
        expect([path, await (await dashboard.call(path)).text()]).toEqual([path, NEXT_STAND_IN]);
        const there = await gateway.call(path);
        expect([path, there.status, ((await there.json()) as { error: { code: string } }).error.code]).toEqual([path, 404, "unknown_url"]);
      }
    } finally {
      await gateway.close();
      await dashboard.close();
    }
  });

  it("answers the hot path's route without building anything per request", () => {
    const first = matchGatewayRoute("POST", "/api/v1/chat/completions");
    expect(first).toEqual({ kind: "route", route: "POST /api/v1/chat/completions" });
    expect(matchGatewayRoute("POST", "/api/v1/chat/completions")).toBe(first);
    expect(matchGatewayRoute("POST", "/api/v1/chat/completions?stream=1")).toBe(first);
    expect(matchGatewayRoute("GET", "/api/v1/models/ensemble%2Fcascade")).toEqual({ kind: "route", route: "GET /api/v1/models/{model}", model: "ensemble/cascade" });
  });
});

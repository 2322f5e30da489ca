import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, getDefaultAutoSelectFamily, isIP, setDefaultAutoSelectFamily, type AddressInfo, type LookupFunction, type Socket } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "@/server/orchestrator/errors";
import type { GenerateRequest, ModelClient, ModelSpec, ProviderKind } from "@/server/orchestrator/spec";
import { createAiSdkClient } from "./ai-sdk";
import { BLOCKED_ADDRESS_CODE } from "./blocked-address";
import { createHttpFetch, httpFetch, providerFetchFromEnv } from "./http-fetch";
import { toProviderError } from "./provider-errors";
import { anthropicError, chatCompletionStream, openAiError, startFakeServer, type FakeReply, type FakeServer } from "./testing/openai-fake-server";

// a self-signed certificate for 127.0.0.1 / localhost (EC P-256, valid until 2126), only for the https tests
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgYqcUJ2SEUVsw23s9
cwJC5SspLIf8iu18oxpAZP6lBfuhRANCAART5fIK8q8PFmhDrd6D4OlN0khn7cpr
i1zlcIPsROJ+rZ7/76d7YvcSHR9qploq90gVWECsJPdlUERvX/0gwo4S
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBojCCAUmgAwIBAgIUaN5YgjVx5XCMf+2HM3DKz5G2YnswCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNZW5zZW1ibGUtdGVzdDAgFw0yNjExMjcxMDI3MzNaGA8yMTI2
MTEwMzEwMjczM1owGDEWMBQGA1UEAwwNZW5zZW1ibGUtdGVzdDBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABFPl8gryrw8WaEOt3oPg6U3SSGftymuLXOVwg+xE4n6t
nv/vp3ti9xIdH2qmWir3SBVYQKwk92VQRG9f/SDCjhKjbzBtMB0GA1UdDgQWBBSw
2lTuzUEoHVj+Oqdm9/1RcWSg8DAfBgNVHSMEGDAWgBSw2lTuzUEoHVj+Oqdm9/1R
cWSg8DAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9z
dDAKBggqhkjOPQQDAgNHADBEAiA7VTSRDFo3nqd8602dym/AhgGBH7kLE40gbIXT
XGHR7wIgG3NVuvpMUNH8iai1ZlIHOSbi6EvZySK+A6QYZ/Rj0vQ=
-----END CERTIFICATE-----`;

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  socket: Socket;
}

interface TestServer {
  url: string;
  received: Received[];
  /** how many TCP connections were opened */
  connections(): number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, received: Received) => void;

/** A real node:http (or https) server on 127.0.0.1 that records each request, then lets `handler` answer it. */
async function startServer(handler: Handler, tls?: { key: string; cert: string }): Promise<TestServer> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry: Received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), socket: req.socket };
      received.push(entry);
      handler(req, res, entry);
    });
  };
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  server.keepAliveTimeout = 30_000;
  server.on(tls ? "secureConnection" : "connection", (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("httpFetch: requests and replies", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res, received) => {
      if (received.url === "/empty") {
        res.writeHead(204);
        res.end();
      } else if (received.url === "/cookies") {
        res.writeHead(200, [["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"], ["X-Many", "x"], ["X-Many", "y"], ["Content-Length", "0"]]);
        res.end();
      } else if (received.url === "/gzip") {
        const body = gzipSync(JSON.stringify({ packed: true }));
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": body.length });
        res.end(body);
      } else {
        json(res, 201, { echo: received.body }, { "x-request-id": "abc" });
      }
    });
  });
  afterAll(() => server.close());

  it("sends the method, headers and string body, and returns a Response with status, statusText, headers and body", async () => {
    const body = JSON.stringify({ model: "m", messages: [{ role: "user", content: "héllo" }] });
    const response = await httpFetch(`${server.url}/v1/chat/completions`, {
      method: "post",
      headers: { "Content-Type": "application/json", authorization: "Bearer sk-test" },
      body,
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.statusText).toBe("Created");
    expect(response.ok).toBe(true);
    expect(response.url).toBe(`${server.url}/v1/chat/completions`);
    expect(response.headers.get("x-request-id")).toBe("abc");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ echo: body });

    const sent = server.received.at(-1)!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe("/v1/chat/completions");
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.headers.authorization).toBe("Bearer sk-test");
    // the byte length, not the character count: "é" is two bytes
    expect(sent.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    expect(sent.body).toBe(body);
  });

  it("takes headers as Headers or pairs, a URL or a Request as input, and a byte body", async () => {
    await httpFetch(new URL(`${server.url}/a`), { method: "POST", headers: new Headers({ "X-One": "1" }), body: new TextEncoder().encode("bytes") });
    expect(server.received.at(-1)).toMatchObject({ url: "/a", body: "bytes", headers: { "x-one": "1", "content-length": "5" } });

    await httpFetch(`${server.url}/b`, { method: "POST", headers: [["x-two", "2"], ["x-two", "3"]], body: "text" });
    // no content type given: a string body is text/plain, as fetch sends it
    expect(server.received.at(-1)).toMatchObject({ url: "/b", body: "text", headers: { "x-two": "2, 3", "content-type": "text/plain;charset=UTF-8" } });

    const request = new Request(`${server.url}/c`, { method: "PUT", headers: { "x-three": "3" }, body: "from a Request" });
    const response = await httpFetch(request);
    expect(await response.json()).toEqual({ echo: "from a Request" });
    expect(server.received.at(-1)).toMatchObject({ method: "PUT", url: "/c", headers: { "x-three": "3" } });
  });

  it("keeps repeated response headers as Headers does: joined, and set-cookie one by one", async () => {
    const response = await httpFetch(`${server.url}/cookies`);
    expect(response.headers.get("x-many")).toBe("x, y");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.text()).toBe("");
  });

  it("asks for no compression, and still decodes a gzip reply", async () => {
    const response = await httpFetch(`${server.url}/gzip`);
    expect(server.received.at(-1)!.headers["accept-encoding"]).toBeUndefined();
    expect(await response.json()).toEqual({ packed: true });
  });

  it("gives a null body for 204 and for HEAD", async () => {
    const empty = await httpFetch(`${server.url}/empty`, { method: "DELETE" });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const head = await httpFetch(`${server.url}/x`, { method: "HEAD" });
    expect(head.status).toBe(201);
    expect(head.body).toBeNull();
  });

  it("rejects what fetch rejects before sending: a body on GET, credentials in the URL", async () => {
    await expect(httpFetch(`${server.url}/x`, { method: "GET", body: "no" })).rejects.toThrow(TypeError);
    await expect(httpFetch(server.url.replace("://", "://user:pw@"))).rejects.toThrow(/credentials/);
  });
});

describe("httpFetch: keep-alive", () => {
  it("reuses one socket for consecutive calls", async () => {
    const server = await startServer((_req, res) => json(res, 200, { ok: true }));
    const fetchWithOwnPool = createHttpFetch();
    try {
      for (let i = 0; i < 3; i++) expect(await (await fetchWithOwnPool(`${server.url}/v1`, { method: "POST", body: "{}" })).json()).toEqual({ ok: true });
      expect(server.received).toHaveLength(3);
      expect(server.connections()).toBe(1);
      expect(new Set(server.received.map((r) => r.socket)).size).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("never sends a request twice: a pooled socket dropped by the server fails as a network error, as with fetch", async () => {
    // the second request arrives on the reused socket and the server drops it without a reply
    const server = await startServer((_req, res, received) => {
      if (server.received.length === 2) received.socket.destroy();
      else json(res, 200, { n: server.received.length });
    });
    const fetchWithOwnPool = createHttpFetch();
    try {
      expect(await (await fetchWithOwnPool(server.url, { method: "POST", body: "{}" })).json()).toEqual({ n: 1 });
      const error = await rejection(fetchWithOwnPool(server.url, { method: "POST", body: "{}" }));
      expect(toProviderError(error)).toMatchObject({ kind: "network" });
      expect(server.received).toHaveLength(2);
      // the broken socket left the pool: the next call opens a new one
      expect(await (await fetchWithOwnPool(server.url, { method: "POST", body: "{}" })).json()).toEqual({ n: 3 });
      expect(server.connections()).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe("httpFetch: streaming", () => {
  it("hands an event stream over chunk by chunk: the first chunk arrives before the server ends the reply", async () => {
    const release = deferred();
    let upstream: ServerResponse | undefined;
    const server = await startServer((_req, res) => {
      upstream = res;
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      void release.promise.then(() => res.end("data: two\n\n"));
    });
    try {
      const response = await httpFetch(server.url, { method: "POST", body: "{}" });
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toBe("data: one\n\n");
      expect(upstream?.writableEnded).toBe(false);
      release.resolve();
      let rest = "";
      for (let next = await reader.read(); !next.done; next = await reader.read()) rest += new TextDecoder().decode(next.value);
      expect(rest).toBe("data: two\n\n");
    } finally {
      release.resolve();
      await server.close();
    }
  });
});

describe("httpFetch: abort", () => {
  let server: TestServer;
  const upstreamClosed: Array<Promise<void>> = [];
  beforeAll(async () => {
    server = await startServer((_req, res, received) => {
      upstreamClosed.push(new Promise<void>((resolve) => res.on("close", () => resolve())));
      if (received.url === "/stream") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: one\n\n");
      }
      // anything else hangs until the client goes away
    });
  });
  afterAll(() => server.close());

  it("rejects at once with an AbortError for an already-aborted signal, sending nothing", async () => {
    const before = server.received.length;
    const error = await rejection(httpFetch(`${server.url}/hang`, { method: "POST", body: "{}", signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
    const reason = new ProviderError("timeout", "step timed out");
    expect(await rejection(httpFetch(`${server.url}/hang`, { signal: AbortSignal.abort(reason) }))).toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.received.length).toBe(before);
  });

  it("rejects with the signal's reason while waiting for the reply, and closes the connection", async () => {
    const controller = new AbortController();
    const pending = httpFetch(`${server.url}/hang`, { method: "POST", body: "{}", signal: controller.signal });
    await expect.poll(() => server.received.length).toBeGreaterThan(0);
    const reason = new ProviderError("timeout", "step timed out after 50 ms");
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    await upstreamClosed.at(-1);
    expect(toProviderError(reason, { signal: controller.signal })).toMatchObject({ kind: "timeout" });
  });

  it("errors the body with an AbortError mid-stream and closes the connection", async () => {
    const controller = new AbortController();
    const response = await httpFetch(`${server.url}/stream`, { method: "POST", body: "{}", signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: one\n\n");
    controller.abort();
    const error = await rejection(reader.read());
    expect(error).toMatchObject({ name: "AbortError" });
    await upstreamClosed.at(-1);
    expect(toProviderError(error, { signal: controller.signal, streamStarted: true })).toMatchObject({ kind: "aborted" });
  });
});

describe("httpFetch: failures look like fetch's", () => {
  it("rejects a refused connection with TypeError('fetch failed') caused by ECONNREFUSED: kind network", async () => {
    const server = await startServer(() => {});
    await server.close();
    const error = await rejection(httpFetch(server.url, { method: "POST", body: "{}" }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNREFUSED" } });
    expect(toProviderError(error)).toMatchObject({ kind: "network", message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("refuses the ports fetch blocks, as a network failure", async () => {
    const error = await rejection(httpFetch("http://127.0.0.1:25/v1"));
    expect(error).toMatchObject({ message: "fetch failed", cause: { message: "bad port" } });
    expect(toProviderError(error)).toMatchObject({ kind: "network" });
  });

  it("rejects a connection dropped before any reply (a fresh socket is not retried): kind network", async () => {
    const server = await startServer((_req, _res, received) => received.socket.destroy());
    try {
      const error = await rejection(createHttpFetch()(server.url, { method: "POST", body: "{}" }));
      expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNRESET" } });
      expect(toProviderError(error)).toMatchObject({ kind: "network" });
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("errors a body cut mid-way with TypeError('terminated'): network before any text, cut-stream after", async () => {
    const server = await startServer((_req, res, received) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": 100 });
      res.write('{"choices": [');
      setTimeout(() => received.socket.destroy(), 20);
    });
    try {
      const response = await httpFetch(server.url, { method: "POST", body: "{}" });
      expect(response.status).toBe(200);
      const error = await rejection(response.text());
      expect(error).toBeInstanceOf(TypeError);
      expect(error).toMatchObject({ message: "terminated" });
      expect(toProviderError(error)).toMatchObject({ kind: "network" });
      expect(toProviderError(error, { streamStarted: true })).toMatchObject({ kind: "cut-stream" });
    } finally {
      await server.close();
    }
  });

  it("rejects a reply whose status a Response cannot carry instead of throwing in an event handler", async () => {
    const server = await startServer((_req, _res, received) => {
      received.socket.end("HTTP/1.1 999 Odd\r\ncontent-length: 0\r\n\r\n");
    });
    try {
      const error = await rejection(httpFetch(server.url, { method: "POST", body: "{}" }));
      expect(error).toMatchObject({ message: "fetch failed", cause: expect.any(RangeError) });
    } finally {
      await server.close();
    }
  });

  it("fails a redirect with redirect: 'error', returns it with 'manual', and follows it by default", async () => {
    const server = await startServer((_req, res, received) => {
      if (received.url === "/old") {
        res.writeHead(307, { location: "/new", "content-length": 0 });
        res.end();
      } else json(res, 200, { at: received.url, body: received.body });
    });
    try {
      const manual = await httpFetch(`${server.url}/old`, { method: "POST", body: "{}", redirect: "manual" });
      expect(manual.status).toBe(307);
      expect(manual.headers.get("location")).toBe("/new");
      await expect(httpFetch(`${server.url}/old`, { method: "POST", body: "{}", redirect: "error" })).rejects.toThrow("fetch failed");
      const followed = await httpFetch(`${server.url}/old`, { method: "POST", body: '{"a":1}' });
      expect(await followed.json()).toEqual({ at: "/new", body: '{"a":1}' });
    } finally {
      await server.close();
    }
  });
});

describe("httpFetch: connect timeout", () => {
  it("gives up on a TLS handshake that never completes, as undici's connect timeout does: kind network", async () => {
    // accepts TCP, never speaks TLS
    const silent = createNetServer(() => {});
    const sockets = new Set<Socket>();
    silent.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await rejection(createHttpFetch({ connectTimeoutMs: 100 })(`https://127.0.0.1:${port}/v1`, { method: "POST", body: "{}" }));
      expect(error).toMatchObject({ message: "fetch failed", cause: { code: "UND_ERR_CONNECT_TIMEOUT" } });
      expect(toProviderError(error)).toMatchObject({ kind: "network", message: expect.stringMatching(/Connect Timeout/) });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("httpFetch: https", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => json(res, 200, { secure: true }), { key: TEST_KEY, cert: TEST_CERT });
  });
  afterAll(() => server.close());

  it("speaks TLS to a server whose certificate it trusts", async () => {
    const trusting = createHttpFetch({ ca: TEST_CERT });
    expect(await (await trusting(`${server.url}/v1`, { method: "POST", body: "{}" })).json()).toEqual({ secure: true });
  });

  it("verifies certificates: an untrusted one fails as a network error", async () => {
    const error = await rejection(httpFetch(`${server.url}/v1`, { method: "POST", body: "{}" }));
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "DEPTH_ZERO_SELF_SIGNED_CERT" } });
    expect(toProviderError(error)).toMatchObject({ kind: "network" });
  });
});

/**
 * The same upstream replies through the AI SDK with the built-in fetch and with httpFetch must give the same
 * ProviderError, since the engine's retry and fallback decisions hang on its kind.
 */
describe("httpFetch: the AI SDK classifies its failures exactly as with the built-in fetch", () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeServer();
  });
  afterAll(() => fake.close());

  const ask: GenerateRequest = { messages: [{ role: "user", content: "What is 6 * 7?" }] };
  const spec = (providerKind: ProviderKind): ModelSpec => ({
    id: `parity-${providerKind}`,
    name: "Parity",
    providerId: "p",
    providerKind,
    remoteModel: "fake-model",
    contextWindow: 8000,
    pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 1 },
    enabled: true,
  });

  async function outcome(client: ModelClient, mode: "generate" | "stream"): Promise<ProviderError> {
    try {
      if (mode === "generate") await client.generate(ask);
      else for await (const part of client.stream(ask)) void part;
    } catch (error) {
      if (error instanceof ProviderError) return error;
      throw error;
    }
    throw new Error("expected the call to fail");
  }

  const cases: Array<[string, ProviderKind, "generate" | "stream", () => FakeReply, ProviderError["kind"]]> = [
    ["500 with an OpenAI error body", "openai-compatible", "generate", () => openAiError(500, "The server had an error"), "server"],
    ["429 with Retry-After", "openai-compatible", "generate", () => openAiError(429, "Slow down", { type: "rate_limit_error", headers: { "retry-after": "2" } }), "rate-limit"],
    ["401", "openai-compatible", "generate", () => openAiError(401, "Incorrect API key provided", { type: "invalid_request_error" }), "auth"],
    ["404 with an HTML page", "openai-compatible", "generate", () => ({ kind: "raw", status: 404, body: "<html>Not Found</html>", contentType: "text/html" }), "bad-request"],
    ["200 with a malformed body", "openai-compatible", "generate", () => ({ kind: "raw", body: '{"choices": [' }), "bad-response"],
    ["a connection dropped before the reply", "openai-compatible", "generate", () => ({ kind: "destroy" }), "network"],
    ["500 on a stream", "openai-compatible", "stream", () => openAiError(500, "The server had an error"), "server"],
    ["a stream whose connection drops after text", "openai-compatible", "stream", () => chatCompletionStream(["Once ", "upon ", "a time"], { cutAfter: 2, end: "destroy" }), "cut-stream"],
    ["an Anthropic 529 overloaded", "anthropic", "generate", () => anthropicError(529, "Overloaded", "overloaded_error"), "server"],
  ];

  it.each(cases)("%s (%s, %s)", async (_name, kind, mode, reply, expectedKind) => {
    const results: ProviderError[] = [];
    for (const fetch of [globalThis.fetch, httpFetch]) {
      fake.enqueue(reply());
      results.push(await outcome(createAiSdkClient(spec(kind), { baseUrl: fake.baseUrl, apiKey: "sk-test", fetch }), mode));
    }
    const [builtIn, ours] = results as [ProviderError, ProviderError];
    expect(builtIn.kind).toBe(expectedKind);
    expect(ours.kind).toBe(builtIn.kind);
    expect(ours.status).toBe(builtIn.status);
    expect(ours.retryAfterMs).toBe(builtIn.retryAfterMs);
    // an HTTP error carries the provider's words, whichever fetch read them; socket errors word their causes differently
    if (builtIn.status !== undefined && builtIn.status >= 400) expect(ours.message).toBe(builtIn.message);
  });
});

describe("providerFetchFromEnv", () => {
  it("uses httpFetch unless ENSEMBLE_PROVIDER_FETCH asks for the built-in fetch, and names the setting when it is wrong", () => {
    expect(providerFetchFromEnv({})).toBe(httpFetch);
    expect(providerFetchFromEnv({ ENSEMBLE_PROVIDER_FETCH: "node-http" })).toBe(httpFetch);
    expect(providerFetchFromEnv({ ENSEMBLE_PROVIDER_FETCH: " builtin " })).toBe(globalThis.fetch);
    expect(() => providerFetchFromEnv({ ENSEMBLE_PROVIDER_FETCH: "undici" })).toThrow(/ENSEMBLE_PROVIDER_FETCH must be "node-http" or "builtin", not "undici"/);
  });
});

/** A resolver for createHttpFetch's `lookup`: names from `table` (changeable between calls), never the real DNS. */
function fakeDns(table: Record<string, string[]>): { lookup: LookupFunction; asked: Array<{ hostname: string; all: boolean }> } {
  const asked: Array<{ hostname: string; all: boolean }> = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    asked.push({ hostname, all: options.all === true });
    const list = (table[hostname] ?? []).map((address) => ({ address, family: isIP(address) }));
    const first = list[0];
    if (!first) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", undefined);
    else if (options.all) callback(null, list);
    else callback(null, first.address, first.family);
  };
  return { lookup, asked };
}

const METADATA_REFUSAL = "provider address 169.254.169.254 is link-local (cloud metadata); Ensemble does not call it";

describe("httpFetch: link-local and cloud metadata addresses are refused", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res, received) => {
      const redirect = /^\/redirect\/(\d{3})\?to=(.*)$/.exec(received.url);
      if (redirect) {
        res.writeHead(Number(redirect[1]), { location: decodeURIComponent(redirect[2]!), "content-length": 0 });
        res.end();
      } else if (received.url === "/close") json(res, 200, { ok: true }, { connection: "close" });
      else json(res, 200, { at: received.url, method: received.method, body: received.body });
    });
  });
  afterAll(() => server.close());
  const port = () => new URL(server.url).port;

  it("refuses a host name that resolves to 169.254.169.254, at connect time: a non-retryable bad-request naming the rule", async () => {
    const dns = fakeDns({ "metadata.test": ["169.254.169.254"] });
    const error = await rejection(createHttpFetch({ lookup: dns.lookup })("http://metadata.test/latest/chat/completions", { method: "POST", body: "{}" }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: BLOCKED_ADDRESS_CODE, address: "169.254.169.254", message: METADATA_REFUSAL } });
    expect(dns.asked.map((a) => a.hostname)).toEqual(["metadata.test"]);
    const failure = toProviderError(error);
    expect(failure).toMatchObject({ kind: "bad-request", message: METADATA_REFUSAL });
    expect(failure.retryable).toBe(false);
  });

  it("refuses a name when any of its addresses is refused, and connects to none of them", async () => {
    const before = server.connections();
    const dns = fakeDns({ "mixed.test": ["127.0.0.1", "fe80::1"] });
    const error = await rejection(createHttpFetch({ lookup: dns.lookup })(`http://mixed.test:${port()}/v1`, { method: "POST", body: "{}" }));
    expect(toProviderError(error)).toMatchObject({ kind: "bad-request", message: "provider address fe80::1 is link-local (cloud metadata); Ensemble does not call it" });
    expect(server.connections()).toBe(before);
  });

  it("checks every new connection: a name re-pointed at the metadata address after a first call (DNS rebinding) is refused", async () => {
    const table: Record<string, string[]> = { "rebind.test": ["127.0.0.1"] };
    const fetchWithDns = createHttpFetch({ lookup: fakeDns(table).lookup });
    // the server closes each connection, so the second call connects (and resolves) again
    expect(await (await fetchWithDns(`http://rebind.test:${port()}/close`, { method: "POST", body: "{}" })).json()).toEqual({ ok: true });
    table["rebind.test"] = ["169.254.169.254"];
    const error = await rejection(fetchWithDns(`http://rebind.test:${port()}/close`, { method: "POST", body: "{}" }));
    expect(toProviderError(error)).toMatchObject({ kind: "bad-request", message: METADATA_REFUSAL });
  });

  it("answers the socket's lookup in the shape it asked for, with and without { all: true }", async () => {
    const previous = getDefaultAutoSelectFamily();
    try {
      for (const autoSelect of [true, false]) {
        setDefaultAutoSelectFamily(autoSelect); // node asks for every address (happy eyeballs) only when this is on
        const dns = fakeDns({ "ollama.test": ["127.0.0.1"], "metadata.test": ["169.254.169.254"] });
        const fetchWithDns = createHttpFetch({ lookup: dns.lookup });
        expect(await (await fetchWithDns(`http://ollama.test:${port()}/v1`, { method: "POST", body: "{}" })).json()).toMatchObject({ at: "/v1" });
        const error = await rejection(fetchWithDns("http://metadata.test/latest", { method: "POST", body: "{}" }));
        expect(toProviderError(error)).toMatchObject({ kind: "bad-request", message: METADATA_REFUSAL });
        // the guard itself always asks the resolver for every address
        expect(dns.asked.every((a) => a.all)).toBe(true);
      }
    } finally {
      setDefaultAutoSelectFamily(previous);
    }
  });

  it.each([
    ["http://169.254.169.254/latest", "169.254.169.254"],
    ["http://2852039166/latest", "169.254.169.254"], // the same address as one number: URL normalizes it
    ["http://[fe80::1]:8080/v1", "fe80::1"],
    ["http://[::ffff:169.254.169.254]/v1", "::ffff:a9fe:a9fe"],
    ["https://[fd00:ec2::254]/v1", "fd00:ec2::254"],
  ])("refuses the IP literal in %s before sending anything", async (url, address) => {
    const dns = fakeDns({});
    const error = await rejection(createHttpFetch({ lookup: dns.lookup })(url, { method: "POST", body: "{}" }));
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: BLOCKED_ADDRESS_CODE, address } });
    expect(toProviderError(error)).toMatchObject({ kind: "bad-request", message: expect.stringContaining(`provider address ${address} is `) });
    expect(dns.asked).toEqual([]);
  });

  it("still calls the local host, by address and by name (Ollama, vLLM, LM Studio run there; LAN addresses: blocked-address.test.ts)", async () => {
    const dns = fakeDns({ "ollama.test": ["127.0.0.1"] });
    const fetchWithDns = createHttpFetch({ lookup: dns.lookup });
    expect(await (await fetchWithDns(`${server.url}/v1`, { method: "POST", body: "{}" })).json()).toMatchObject({ at: "/v1" });
    expect(await (await fetchWithDns(`http://ollama.test:${port()}/v1`, { method: "POST", body: "{}" })).json()).toMatchObject({ at: "/v1" });
    expect(dns.asked.map((a) => a.hostname)).toEqual(["ollama.test"]);
  });

  it("refuses to follow a redirect into a refused address, by IP literal or by name, without sending anything there", async () => {
    const dns = fakeDns({ "metadata.test": ["169.254.169.254"] });
    const fetchWithDns = createHttpFetch({ lookup: dns.lookup });
    for (const target of ["http://169.254.169.254/latest/meta-data/", "http://metadata.test/latest/meta-data/"]) {
      const error = await rejection(fetchWithDns(`${server.url}/redirect/307?to=${encodeURIComponent(target)}`, { method: "POST", body: "{}" }));
      expect(toProviderError(error)).toMatchObject({ kind: "bad-request", message: METADATA_REFUSAL });
    }
    // the global fetch never sees the redirect: with 'manual' it still comes back as is
    const manual = await fetchWithDns(`${server.url}/redirect/307?to=${encodeURIComponent("http://169.254.169.254/")}`, { method: "POST", body: "{}", redirect: "manual" });
    expect(manual.status).toBe(307);
  });

  it("follows redirects as fetch does: 303 turns a POST into a GET without body, another origin loses the authorization header", async () => {
    const other = await startServer((_req, res, received) => json(res, 200, { at: received.url, method: received.method, authorization: received.headers.authorization ?? null }));
    try {
      const seeOther = await httpFetch(`${server.url}/redirect/303?to=${encodeURIComponent("/after")}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer sk-same-origin" },
        body: '{"a":1}',
      });
      expect(seeOther.redirected).toBe(true);
      expect(seeOther.url).toBe(`${server.url}/after`);
      expect(await seeOther.json()).toEqual({ at: "/after", method: "GET", body: "" });
      const sent = server.received.at(-1)!;
      expect(sent.headers["content-type"]).toBeUndefined();
      expect(sent.headers["content-length"]).toBeUndefined();
      expect(sent.headers.authorization).toBe("Bearer sk-same-origin");

      const moved = await httpFetch(`${server.url}/redirect/308?to=${encodeURIComponent(`${other.url}/v1`)}`, { method: "POST", headers: { authorization: "Bearer sk-x" }, body: "{}" });
      expect(await moved.json()).toEqual({ at: "/v1", method: "POST", authorization: null });
    } finally {
      await other.close();
    }
  });

  it("gives up after 20 redirects, as fetch does", async () => {
    let chain = "/end";
    for (let i = 0; i < 21; i++) chain = `/redirect/302?to=${encodeURIComponent(chain)}`;
    const error = await rejection(httpFetch(`${server.url}${chain}`));
    expect(error).toMatchObject({ message: "fetch failed", cause: { message: "redirect count exceeded" } });
  });

  it("sends FormData bodies itself (through the same checks), with the multipart content type", async () => {
    const form = new FormData();
    form.set("purpose", "test");
    const response = await httpFetch(`${server.url}/upload`, { method: "POST", body: form });
    const echoed = (await response.json()) as { body: string };
    expect(echoed.body).toContain('name="purpose"');
    expect(server.received.at(-1)!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("fails a provider call through the AI SDK with the refusal, as a bad-request the engine neither retries nor counts against the model", async () => {
    const fetch = createHttpFetch({ lookup: fakeDns({ "metadata.test": ["169.254.169.254"] }).lookup });
    const model: ModelSpec = { id: "m", name: "M", providerId: "p", providerKind: "openai-compatible", remoteModel: "x", contextWindow: 8000, pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 1 }, enabled: true };
    const client = createAiSdkClient(model, { baseUrl: "http://metadata.test/latest", fetch });
    const ask: GenerateRequest = { messages: [{ role: "user", content: "hi" }] };
    for (const call of [() => client.generate(ask), async () => { for await (const part of client.stream(ask)) void part; }]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: "bad-request", message: METADATA_REFUSAL });
    }
  });
});

import dns from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, Socket, type LookupFunction } from "node:net";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import { BlockedAddressError, blockedAddressReason } from "./blocked-address";

/**
 * A `fetch` for the AI SDK provider factories (their `fetch` setting), built on node:http / node:https with
 * keep-alive agents. Node 20's built-in fetch (undici plus WHATWG request/headers/signal plumbing) costs about
 * twice the CPU of a plain node:http round trip, which showed as 15–20% of the gateway's CPU; the SDK only
 * needs a request out and a Response back with a readable body.
 *
 * What it keeps from fetch, because the SDK and provider-errors.ts rely on it:
 * - it resolves with a real `Response` once the status and headers are in; the body is a ReadableStream fed
 *   by the socket as bytes arrive (no buffering), so streams, time to first token and cut streams behave
 *   as before — measured, this is as cheap as buffering the body first (bench/provider-overhead.bench.ts);
 * - no response at all (refused, reset, DNS, TLS) rejects with `TypeError("fetch failed", { cause })`, and a
 *   body cut mid-way errors its stream with `TypeError("terminated", { cause })`, the shapes the SDK's
 *   handleFetchError and our toProviderError classify as network failures;
 * - abort rejects (or errors the body) with `signal.reason`, an AbortError DOMException unless the caller
 *   gave its own reason; an already-aborted signal rejects before anything is sent;
 * - a connection (TCP, and TLS for https) not made within 10 s fails with undici's UND_ERR_CONNECT_TIMEOUT,
 *   and the ports fetch blocks ("bad port": SMTP, IRC, …) are refused the same way;
 * - a request is never sent twice: a pooled socket the server closed just as it was reused fails as a network
 *   error, as with fetch (the engine decides about retries; a POST to a model costs money). Idle sockets are
 *   dropped after 4 s, or sooner when the server's `Keep-Alive: timeout=` says so, to keep that race rare;
 * - redirects are followed as fetch follows them (`"follow"`, at most 20; 301/302 turn a POST, 303 anything
 *   but HEAD, into a GET without body; authorization and cookies are dropped on a change of origin); with
 *   `redirect: "manual"` the 3xx comes back as is, with `"error"` it fails like fetch.
 *
 * Where it differs, on purpose:
 * - link-local and cloud metadata addresses are refused (blocked-address.ts): an IP literal in the URL before
 *   anything is sent, a host name on every address it resolves to, in the socket's own lookup at connect time
 *   (so a name re-pointed there between two calls is caught too), and each redirect target the same way. That
 *   fails with `TypeError("fetch failed", { cause: BlockedAddressError })`, which provider-errors.ts turns into
 *   a non-retryable "bad-request" naming the rule. Every http(s) request goes through this path for that
 *   reason, redirects and all body types included (FormData and streams are read into bytes first);
 * - no `accept-encoding` is sent (LLM replies are small, compressing them costs both sides CPU); a reply
 *   compressed anyway (gzip, deflate, br) is decoded, as fetch would;
 * - non-http(s) URLs (data:, blob:) go to the global fetch unchanged: they reach no network;
 * - no header or body timeouts (undici's are 300 s): the engine aborts slow calls through the signal.
 */

export interface HttpFetchOptions {
  /** sockets per origin (host:port) at once; more requests wait for a free one. Default 256. */
  maxSockets?: number;
  /**
   * How long an idle pooled socket is kept, in ms. Default 4000 (undici's own default, under the 5 s most
   * servers use); a shorter `Keep-Alive: timeout=` from the server wins.
   */
  idleSocketMs?: number;
  /** How long opening a connection (TCP, plus the TLS handshake for https) may take, in ms. Default 10000, as undici. */
  connectTimeoutMs?: number;
  /**
   * PEM certificates trusted for https instead of Node's default roots (a private CA, or a test server's own
   * certificate). Unset: the default roots. Verification is never turned off.
   */
  ca?: string;
  /**
   * Resolves host names for new connections; default `dns.lookup`. Every address it returns is checked against
   * blocked-address.ts before connecting (tests inject a resolver here instead of touching DNS).
   */
  lookup?: LookupFunction;
}

type Fetch = typeof globalThis.fetch;

interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  signal: AbortSignal | null | undefined;
  redirect: RequestRedirect;
}

/** fetch's redirect limit */
const MAX_REDIRECTS = 20;
/** request headers fetch drops when a redirect turns the request into a GET without body */
const BODY_HEADERS = ["content-length", "content-type", "content-encoding", "content-language", "content-location"];
/** request headers fetch drops when a redirect goes to another origin */
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie", "host"];
/** Statuses whose Response must have a null body (the constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** the method names fetch upper-cases; any other (e.g. "patch") is sent as written */
const NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);
/**
 * The Fetch standard's blocked ports (SMTP, IRC, SIP, …), which Node's fetch refuses with "bad port": kept so a
 * base URL pointing at one still fails as a network error instead of talking HTTP to another protocol's server.
 */
const BAD_PORTS = new Set(
  (
    "1 7 9 11 13 15 17 19 20 21 22 23 25 37 42 43 53 69 77 79 87 95 101 102 103 104 109 110 111 113 115 117 119 123 135 137 " +
    "139 143 161 179 389 427 465 512 513 514 515 526 530 531 532 540 548 554 556 563 587 601 636 989 990 993 995 1719 1720 " +
    "1723 2049 3659 4045 4190 5060 5061 6000 6566 6665 6666 6667 6668 6669 6679 6697 10080"
  ).split(" "),
);
/** undici's connect timeout, and the code its error carries (provider-errors.ts counts it as a network failure) */
const CONNECT_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_CODE = "UND_ERR_CONNECT_TIMEOUT";
/** chunks queued in a body stream before the socket is paused (backpressure) */
const BODY_QUEUE_CHUNKS = 16;

/** Adds a header the way Headers does: names lower-cased, a repeated one joined with ", ". */
function appendHeader(headers: Record<string, string>, name: string, value: string): void {
  const key = name.toLowerCase();
  const previous = headers[key];
  headers[key] = previous === undefined ? value : `${previous}, ${value}`;
}

function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!init) return headers;
  if (init instanceof Headers) init.forEach((value, name) => appendHeader(headers, name, value));
  else if (Array.isArray(init)) for (const [name, value] of init) appendHeader(headers, name, value);
  else
    for (const name of Object.keys(init)) {
      const value: unknown = (init as Record<string, unknown>)[name];
      if (value !== undefined && value !== null) appendHeader(headers, name, String(value));
    }
  return headers;
}

/** The body as bytes or text plus the content type fetch would imply. */
async function bodyOf(body: BodyInit | null | undefined): Promise<{ content?: string | Uint8Array<ArrayBuffer>; type?: string }> {
  if (body === undefined || body === null) return {};
  if (typeof body === "string") return { content: body, type: "text/plain;charset=UTF-8" };
  if (body instanceof ArrayBuffer) return { content: new Uint8Array(body) };
  if (ArrayBuffer.isView(body)) return { content: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  if (body instanceof URLSearchParams) return { content: body.toString(), type: "application/x-www-form-urlencoded;charset=UTF-8" };
  if (body instanceof Blob) return { content: new Uint8Array(await body.arrayBuffer()), type: body.type || undefined };
  // FormData (with its multipart boundary), ReadableStream and the rest: read whole, as fetch would encode them
  const encoded = new Response(body);
  return { content: new Uint8Array(await encoded.arrayBuffer()), type: encoded.headers.get("content-type") ?? undefined };
}

/** The refusal for a link-local or metadata address, shaped as fetch's failures are. */
function blockedAddress(address: string, reason: string): TypeError {
  return new TypeError("fetch failed", { cause: new BlockedAddressError(address, reason) });
}

/** Throws what fetch would for a URL it will not connect to: a blocked port, or an IP literal Ensemble refuses. */
function checkDestination(url: URL): void {
  if (BAD_PORTS.has(url.port)) throw new TypeError("fetch failed", { cause: new Error("bad port") });
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const reason = isIP(host) ? blockedAddressReason(host) : undefined;
  if (reason) throw blockedAddress(host, reason);
}

/**
 * A lookup for the agents that resolves with `resolve` and fails with BlockedAddressError when any address the
 * name resolves to is refused (a name answering with one public and one metadata address is refused whole). It
 * asks for every address and answers in the shape the socket asked for (`all` or the first one).
 */
function guardedLookup(resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", undefined);
      const list = Array.isArray(addresses) ? addresses : [{ address: addresses, family: isIP(addresses) }];
      for (const { address } of list) {
        const reason = blockedAddressReason(address);
        if (reason) return callback(new BlockedAddressError(address, reason), "", undefined);
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname }), "", undefined);
      callback(null, first.address, first.family);
    });
  };
}

/** What to send, or undefined for a request this client leaves to the global fetch (a non-http(s) URL). */
async function outgoing(input: RequestInfo | URL, init: RequestInit | undefined): Promise<OutgoingRequest | undefined> {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  checkDestination(url);
  if (url.username || url.password) throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url.href}`);

  const rawMethod = init?.method ?? request?.method ?? "GET";
  const method = NORMALIZED_METHODS.has(rawMethod.toUpperCase()) ? rawMethod.toUpperCase() : rawMethod;
  const requestBody = init?.body !== undefined ? init.body : request?.body ? await request.arrayBuffer() : undefined;
  if ((method === "GET" || method === "HEAD") && requestBody !== undefined && requestBody !== null) {
    throw new TypeError("Request with GET/HEAD method cannot have body.");
  }
  const body = await bodyOf(requestBody);

  const headers = headerRecord(init?.headers ?? request?.headers);
  headers.accept ??= "*/*";
  headers["user-agent"] ??= "node";
  if (body.type !== undefined) headers["content-type"] ??= body.type;
  if (body.content !== undefined) headers["content-length"] = String(typeof body.content === "string" ? Buffer.byteLength(body.content) : body.content.byteLength);
  return { url, method, headers, body: body.content, signal: init?.signal ?? request?.signal, redirect: init?.redirect ?? request?.redirect ?? "follow" };
}

/**
 * Response headers as a record, which Response takes more cheaply than pairs or a Headers object: Node's own
 * `res.headers` (the agent computes it anyway, for `Keep-Alive`). Set-cookie, the one header Node keeps as a
 * list, goes in as pairs so `getSetCookie()` still sees each cookie.
 */
function responseHeaders(res: IncomingMessage): HeadersInit {
  const cookies = res.headers["set-cookie"];
  if (cookies === undefined) return res.headers as Record<string, string>;
  const { "set-cookie": _cookies, ...rest } = res.headers as Record<string, string>;
  return [...Object.entries(rest), ...cookies.map((cookie): [string, string] => ["set-cookie", cookie])];
}

/** The decoded body: gzip, deflate and br are undone as fetch would; anything else passes through as sent. */
function decodedBody(res: IncomingMessage): Readable {
  const coding = res.headers["content-encoding"]?.trim().toLowerCase();
  const decoder =
    coding === "gzip" || coding === "x-gzip"
      ? zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH })
      : coding === "deflate"
        ? zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH })
        : coding === "br"
          ? zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
          : undefined;
  if (!decoder) return res;
  // pipeline passes a failure of either side to the other, so a cut socket still errors the decoded stream
  pipeline(res, decoder, () => {});
  return decoder;
}

interface BodyStream {
  stream: ReadableStream<Uint8Array>;
  /** ends the body with this error (an abort's reason) and drops the connection */
  fail(reason: unknown): void;
}

/**
 * A ReadableStream over the response, fed as chunks arrive, paused when the reader falls behind. It ends with
 * `TypeError("terminated", { cause })` when the connection breaks first, like fetch's body does.
 */
function bodyStream(res: IncomingMessage, settled: () => void): BodyStream {
  const source = decodedBody(res);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const close = (): boolean => {
    if (!open) return false;
    open = false;
    settled();
    return true;
  };
  const drop = () => {
    source.destroy();
    res.destroy();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        source.on("data", (chunk: Buffer) => {
          if (!open) return;
          c.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((c.desiredSize ?? 1) <= 0) source.pause();
        });
        source.on("end", () => {
          if (close()) c.close();
        });
        source.on("error", (error: Error) => {
          if (close()) c.error(new TypeError("terminated", { cause: error }));
        });
        source.on("close", () => {
          if (close()) c.error(new TypeError("terminated", { cause: new Error("other side closed") }));
        });
      },
      pull() {
        source.resume();
      },
      cancel() {
        close();
        drop();
      },
    },
    { highWaterMark: BODY_QUEUE_CHUNKS },
  );
  return {
    stream,
    fail(reason) {
      if (close()) controller.error(reason);
      drop();
    },
  };
}

function toResponse(res: IncomingMessage, request: OutgoingRequest, settled: () => void): { response: Response; body?: BodyStream } {
  const status = res.statusCode ?? 0;
  const init: ResponseInit = { status, statusText: res.statusMessage ?? "", headers: responseHeaders(res) };
  let body: BodyStream | undefined;
  let response: Response;
  if (request.method === "HEAD" || NULL_BODY_STATUSES.has(status)) {
    res.on("error", () => {}); // nothing reads it; a reset is of no consequence
    res.on("close", settled);
    res.resume(); // read to the end so the socket goes back to the pool
    response = new Response(null, init);
  } else {
    body = bodyStream(res, settled);
    response = new Response(body.stream, init);
  }
  // fetch reports the URL it fetched; new Response() would say ""
  Object.defineProperty(response, "url", { value: request.url.href });
  return { response, body };
}

/**
 * Makes the agent destroy each socket it opens that is not connected (and, for https, through its handshake)
 * within `ms`. Hooked where sockets are created, so requests on pooled sockets pay nothing for it.
 */
function limitConnectTime<A extends http.Agent>(agent: A, secure: boolean, ms: number): A {
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = create(options, callback);
    if (socket instanceof Socket) {
      const timer = setTimeout(() => {
        const error = new Error(`Connect Timeout Error (attempted address: ${options.host ?? options.hostname}:${options.port}, timeout: ${ms}ms)`);
        socket.destroy(Object.assign(error, { code: CONNECT_TIMEOUT_CODE }));
      }, ms);
      socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(timer));
      socket.once("close", () => clearTimeout(timer));
    }
    return socket;
  };
  return agent;
}

interface Transport {
  http: http.Agent;
  https: https.Agent;
}

/** One request over the pool; resolves when the status and headers are in. */
function send(request: OutgoingRequest, transport: Transport): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const { signal } = request;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const secure = request.url.protocol === "https:";
    let req: http.ClientRequest;
    try {
      req = (secure ? https : http).request(request.url, { method: request.method, headers: request.headers, agent: secure ? transport.https : transport.http });
    } catch (error) {
      // an invalid header name or value: fetch rejects those as TypeErrors before sending, and so do we
      reject(new TypeError(error instanceof Error ? error.message : String(error), { cause: error }));
      return;
    }
    let body: BodyStream | undefined;
    let answered = false;
    const onAbort = () => {
      if (body) body.fail(signal?.reason);
      else {
        reject(signal?.reason);
        req.destroy();
      }
    };
    const settled = () => signal?.removeEventListener("abort", onAbort);
    signal?.addEventListener("abort", onAbort, { once: true });

    req.on("error", (error) => {
      // after the response, a broken connection reaches the caller through the body stream
      if (answered) return;
      settled();
      if (signal?.aborted) return; // already rejected with the abort's reason
      reject(new TypeError("fetch failed", { cause: error }));
    });
    req.on("response", (res) => {
      answered = true;
      try {
        const made = toResponse(res, request, settled);
        body = made.body;
        resolve(made.response);
      } catch (error) {
        // a status Response refuses (outside 200–599): a broken reply, never an exception in an event handler
        settled();
        res.destroy();
        reject(new TypeError("fetch failed", { cause: error }));
      }
    });
    req.end(request.body);
  });
}

/**
 * The request fetch makes for a redirect to `location`, or throws fetch's failure for one it would not follow.
 * Per the Fetch standard: 303 (but for HEAD), and 301/302 after a POST, become a GET without body and body
 * headers; another origin loses the credentials headers. The target is checked like the first URL.
 */
function redirected(request: OutgoingRequest, status: number, location: string): OutgoingRequest {
  let url: URL;
  try {
    url = new URL(location, request.url);
  } catch (error) {
    throw new TypeError("fetch failed", { cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("fetch failed", { cause: new Error("URL scheme must be a HTTP(S) scheme") });
  if (url.username || url.password) throw new TypeError("fetch failed", { cause: new Error("redirect location includes credentials") });
  checkDestination(url);
  const headers = { ...request.headers };
  let { method, body } = request;
  if ((status === 303 && method !== "GET" && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST")) {
    method = "GET";
    body = undefined;
    for (const name of BODY_HEADERS) delete headers[name];
  }
  if (url.origin !== request.url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  return { ...request, url, method, headers, body };
}

/** A fetch with its own keep-alive pools (one per protocol); see the file's header for what it does and does not do. */
export function createHttpFetch(options: HttpFetchOptions = {}): Fetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 256,
    timeout: options.idleSocketMs ?? 4_000,
    scheduling: "lifo" as const,
    // every new connection resolves its host through this (an IP literal skips it: checkDestination covers those)
    lookup: guardedLookup(options.lookup ?? dns.lookup),
  };
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const transport: Transport = {
    http: limitConnectTime(new http.Agent(agentOptions), false, connectTimeoutMs),
    https: limitConnectTime(new https.Agent(options.ca === undefined ? agentOptions : { ...agentOptions, ca: options.ca }), true, connectTimeoutMs),
  };

  return async function httpFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let request = await outgoing(input, init);
    if (!request) return globalThis.fetch(input, init);
    // redirects are followed here, not by the global fetch, so each hop connects through the guarded lookup
    for (let hops = 0; ; hops++) {
      const response = await send(request, transport);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null || request.redirect === "manual") {
        if (hops > 0) Object.defineProperty(response, "redirected", { value: true });
        return response;
      }
      await response.body?.cancel();
      if (request.redirect === "error") throw new TypeError("fetch failed", { cause: new Error("unexpected redirect") });
      if (hops === MAX_REDIRECTS) throw new TypeError("fetch failed", { cause: new Error("redirect count exceeded") });
      request = redirected(request, response.status, location);
    }
  };
}

/** The process-wide instance the provider factories use, so every model shares one connection pool. */
export const httpFetch: Fetch = createHttpFetch();

/**
 * The fetch provider calls use, from ENSEMBLE_PROVIDER_FETCH: `node-http` (default) is httpFetch, `builtin`
 * is Node's own fetch — an escape hatch, and the baseline the benchmarks compare against.
 */
export function providerFetchFromEnv(env: Record<string, string | undefined> = process.env): Fetch {
  const choice = env.ENSEMBLE_PROVIDER_FETCH?.trim() || "node-http";
  if (choice === "node-http") return httpFetch;
  if (choice === "builtin") return globalThis.fetch;
  throw new Error(`ENSEMBLE_PROVIDER_FETCH must be "node-http" or "builtin", not "${choice}"`);
}

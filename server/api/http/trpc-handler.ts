import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_MAX_BATCH } from "../batch-limit";
import { appRouter } from "../root";
import type { TrpcContext } from "../trpc";

/** Request bodies above this are refused with 413: the largest form (a 100,000-character task) is well below it. */
export const TRPC_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Procedures that take uploaded files get more room: the lab's three files of up to 60 M characters each. */
const LARGER_BODY_LIMITS: Record<string, number> = { "lab.import": 200 * 1024 * 1024 };

const ENDPOINT = "/api/trpc";

/** The limit for a (possibly batched) call: the largest allowance among the procedures named in the URL. */
export function bodyLimitFor(url: string): number {
  const pathname = new URL(url).pathname;
  const paths = pathname.startsWith(`${ENDPOINT}/`) ? pathname.slice(ENDPOINT.length + 1).split(",") : [];
  // procedure names are plain ASCII: a path that needs decoding names no procedure with a larger allowance
  return Math.max(TRPC_MAX_BODY_BYTES, ...paths.map((path) => LARGER_BODY_LIMITS[path] ?? 0));
}

function tooLarge(limit: number): TRPCError {
  return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `Request body is larger than ${limit.toLocaleString("en")} bytes` });
}

/**
 * The request with its body capped: a declared Content-Length over the limit fails at once, a chunked body as
 * soon as the bytes read pass it. tRPC reads the body lazily and passes a TRPCError raised while reading it
 * through as is, so the client gets a 413 in tRPC's own error shape (batched or not).
 */
function withCappedBody(request: Request, limit: number): Request {
  if (!request.body) return request;
  const declared = Number(request.headers.get("content-length") ?? "0");
  let received = 0;
  const cap = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      if (declared > limit) controller.error(tooLarge(limit));
    },
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > limit) controller.error(tooLarge(limit));
      else controller.enqueue(chunk);
    },
  });
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body.pipeThrough(cap),
    signal: request.signal,
    // required by Node's fetch for a streamed request body
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

export interface TrpcHandlerDeps {
  /** the caller's services and session user (the route file passes the real session lookup) */
  createContext: (request: Request) => Promise<TrpcContext>;
  /** told about errors that are the server's fault, never about bad input */
  onInternalError?: (path: string | undefined, error: unknown) => void;
}

/**
 * tRPC answers request-level errors (unknown procedure, wrong method, mixed batch, unsupported content type)
 * with a JSON body but no JSON content type; clients and proxies should be told what it is.
 */
function labelledAsJson(response: Response): Response {
  if (response.status < 400 || response.headers.get("content-type")?.includes("json")) return response;
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The /api/trpc fetch handler: the app router behind a body-size cap. */
export function createTrpcHandler(deps: TrpcHandlerDeps) {
  return async (request: Request): Promise<Response> => {
    const req = withCappedBody(request, bodyLimitFor(request.url));
    const response = await fetchRequestHandler({
      endpoint: ENDPOINT,
      req,
      router: appRouter,
      maxBatchSize: TRPC_MAX_BATCH,
      createContext: () => deps.createContext(req),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") deps.onInternalError?.(path, error.cause ?? error);
      },
    });
    return labelledAsJson(response);
  };
}

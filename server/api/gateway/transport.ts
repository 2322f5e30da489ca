/**
 * What the gateway's handlers see of HTTP, so the same code serves two transports: Next's route handlers
 * (fetch Request/Response, fetch-adapter.ts) and the lean node:http entry that serves /api/v1 in production
 * (node-adapter.ts), which skips building web Request/Response objects on the hot path.
 */
export interface GatewayRequest {
  /** a request header by lower-case name, or null */
  header(name: string): string | null;
  /** the body's bytes; "too-large" as soon as more than `limit` bytes arrived (the rest is not read) */
  readBody(limit: number): Promise<Buffer | "too-large">;
  /** runs `fn` if the caller goes away before the reply is complete; returns a function that removes it */
  onAbort(fn: () => void): () => void;
}

export interface GatewayReply {
  status: number;
  headers: Record<string, string>;
  /** a whole body, or a stream (server-sent events) */
  body: string | ReadableStream<Uint8Array>;
  /** the request body was not read to its end: the connection cannot be reused */
  closeConnection?: boolean;
}

export function jsonReply(status: number, payload: unknown, headers: Record<string, string> = {}): GatewayReply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(payload) };
}

/**
 * A cap on request bodies for handlers that parse them themselves (Auth.js's sign-in callback): a declared
 * Content-Length over the limit is refused at once, a chunked body as soon as the bytes counted pass it. The
 * count is taken on a clone, so the handler gets the request it expects (Next's own request object) intact.
 */
export function withBodyLimit<R extends Request>(handler: (request: R) => Promise<Response>, limit: number): (request: R) => Promise<Response> {
  return async (request) => {
    if (await bodyExceeds(request.clone(), limit)) {
      // a cloned body is a tee: the source stops only once both branches are cancelled
      void request.body?.cancel().catch(() => undefined);
      return Response.json({ error: { message: `Request body is larger than ${limit.toLocaleString("en")} bytes`, code: "request_too_large" } }, { status: 413 });
    }
    return handler(request);
  };
}

async function bodyExceeds(request: Request, limit: number): Promise<boolean> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return true;
  if (!request.body) return false;
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > limit) {
      // not awaited: cancelling one branch of a tee settles only when the other is cancelled too
      void reader.cancel().catch(() => undefined);
      return true;
    }
  }
}

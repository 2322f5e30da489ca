import { invalidRequest } from "./errors";

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The body as JSON, read with a hard cap: Content-Length is checked first, then the bytes actually
 * received, since a chunked body has no length. Returns a Response for anything that is not JSON.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: invalidRequest(`Request body is larger than ${limit} bytes`, null, "request_too_large", 413) });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return tooLarge();
  if (!request.body) return { ok: false, response: invalidRequest("Request body is empty: send a JSON object", null, "invalid_json") };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: invalidRequest("Request body is not valid JSON", null, "invalid_json") };
  }
}

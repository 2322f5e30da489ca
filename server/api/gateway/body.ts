import { invalidRequest } from "./errors";
import type { GatewayReply, GatewayRequest } from "./transport";

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The body as JSON, read with a hard cap: Content-Length is checked first, then the bytes actually
 * received, since a chunked body has no length. Returns a reply for anything that is not JSON.
 */
export async function readJsonBody(request: GatewayRequest, limit = MAX_BODY_BYTES): Promise<{ ok: true; value: unknown } | { ok: false; response: GatewayReply }> {
  const tooLarge = () => ({ ok: false as const, response: { ...invalidRequest(`Request body is larger than ${limit} bytes`, null, "request_too_large", 413), closeConnection: true } });
  const declared = Number(request.header("content-length") ?? "0");
  if (declared > limit) return tooLarge();
  const bytes = await request.readBody(limit);
  if (bytes === "too-large") return tooLarge();
  if (bytes.length === 0) return { ok: false, response: invalidRequest("Request body is empty: send a JSON object", null, "invalid_json") };
  try {
    return { ok: true, value: JSON.parse(bytes.toString("utf8")) as unknown };
  } catch {
    return { ok: false, response: invalidRequest("Request body is not valid JSON", null, "invalid_json") };
  }
}

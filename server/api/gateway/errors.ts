import type { RouteRefusal } from "./routes";
import { jsonReply, type GatewayReply } from "./transport";

/** OpenAI-style error bodies, so the official clients raise the right exception class with a readable message. */
export type OpenAiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "rate_limit_error"
  | "insufficient_quota"
  | "api_error"
  | "service_unavailable";

export interface OpenAiErrorBody {
  error: { message: string; type: OpenAiErrorType; param: string | null; code: string | null };
}

export function errorBody(message: string, type: OpenAiErrorType, param: string | null = null, code: string | null = null): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

export function errorResponse(
  status: number,
  message: string,
  options: { type: OpenAiErrorType; param?: string | null; code?: string | null; headers?: Record<string, string> },
): GatewayReply {
  return jsonReply(status, errorBody(message, options.type, options.param ?? null, options.code ?? null), options.headers);
}

export const invalidRequest = (message: string, param: string | null, code: string | null = null, status = 400) =>
  errorResponse(status, message, { type: "invalid_request_error", param, code });

/** Echoed request targets are cut to this many characters, so a long URL cannot make a long message. */
const MAX_ECHOED_CHARS = 200;

export function echoed(text: string): string {
  return text.length > MAX_ECHOED_CHARS ? `${text.slice(0, MAX_ECHOED_CHARS)}…` : text;
}

const GATEWAY_ENDPOINTS = "POST /api/v1/chat/completions, GET /api/v1/models and GET /api/v1/models/{model}";

/**
 * The route table's refusals in OpenAI's shape, the same on every port: a known path asked with another method is
 * a 405 with `Allow`; any other path a 404 `unknown_url`. (OPTIONS is a 204 with `Allow` and no body, written by
 * each transport.)
 */
export function routeRefusal(match: Exclude<RouteRefusal, { kind: "options" }>, method: string | undefined, url: string | undefined): GatewayReply {
  const request = echoed(`${method ?? "?"} ${url ?? "/"}`);
  if (match.kind === "wrong-method") {
    return errorResponse(405, `Method not allowed: ${request}. This URL takes ${match.allow}.`, {
      type: "invalid_request_error",
      code: "method_not_allowed",
      headers: { allow: match.allow },
    });
  }
  return errorResponse(404, `Unknown request URL: ${request}. The OpenAI-compatible gateway serves ${GATEWAY_ENDPOINTS}.`, {
    type: "invalid_request_error",
    code: "unknown_url",
  });
}

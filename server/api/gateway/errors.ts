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

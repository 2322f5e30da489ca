import type { ApiKeyPrincipal } from "@/server/services/api-keys";
import type { Services } from "@/server/services/app";
import { errorResponse } from "./errors";
import type { GatewayReply, GatewayRequest } from "./transport";

/**
 * The request's key, checked and admitted (rate limit, then monthly budget), or the OpenAI-style error
 * to send. Every gateway route goes through here first.
 */
export function authorize(services: Services, request: GatewayRequest): { ok: true; key: ApiKeyPrincipal } | { ok: false; response: GatewayReply } {
  const header = request.header("authorization") ?? "";
  const bearer = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : null;
  const key = services.apiKeys.authenticate(bearer);
  if (!key) {
    return {
      ok: false,
      response: errorResponse(401, "Incorrect or missing API key. Send `Authorization: Bearer ens_…`; an admin creates keys under API keys.", {
        type: "invalid_request_error",
        code: "invalid_api_key",
      }),
    };
  }
  const admission = services.apiKeys.admit(key);
  if (!admission.ok) {
    const budget = admission.reason === "budget";
    return {
      ok: false,
      response: errorResponse(429, admission.message, {
        type: budget ? "insufficient_quota" : "rate_limit_error",
        code: budget ? "insufficient_quota" : "rate_limit_exceeded",
        headers: { "retry-after": String(admission.retryAfterSec) },
      }),
    };
  }
  return { ok: true, key };
}

import type { Services } from "@/server/services/app";
import { errorResponse } from "./errors";
import type { TaskTrace } from "./follow";
import type { GatewayReply } from "./transport";

/**
 * A task that ended without an answer, as the caller sees it: upstream trouble is 502, no usable model 503.
 * When open circuit breakers are why no model could take it, Retry-After says when the first one lets a probe
 * through (OpenAI's clients wait that long before they retry).
 */
export function taskFailure(services: Services, taskId: string, trace: TaskTrace, error: string): GatewayReply {
  const ranModels = trace.started.size > 0;
  const headers: Record<string, string> = { "x-ensemble-task-id": taskId };
  const probeInMs = ranModels ? undefined : services.breakers.msUntilProbe(trace.chain?.steps.map((s) => s.modelId) ?? []);
  if (probeInMs !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(probeInMs / 1000)));
  return errorResponse(ranModels ? 502 : 503, ranModels ? `Upstream model call failed: ${error}` : `No model could take the request: ${error}`, {
    type: ranModels ? "api_error" : "service_unavailable",
    code: ranModels ? "upstream_error" : "no_model_available",
    headers,
  });
}

import { errorResponse } from "./errors";
import type { TaskTrace } from "./follow";
import type { GatewayReply } from "./transport";

/** A task that ended without an answer, as the caller sees it: upstream trouble is 502, no usable model 503. */
export function taskFailure(taskId: string, trace: TaskTrace, error: string): GatewayReply {
  const ranModels = trace.started.size > 0;
  return errorResponse(ranModels ? 502 : 503, ranModels ? `Upstream model call failed: ${error}` : `No model could take the request: ${error}`, {
    type: ranModels ? "api_error" : "service_unavailable",
    code: ranModels ? "upstream_error" : "no_model_available",
    headers: { "x-ensemble-task-id": taskId },
  });
}

import type { Services } from "@/server/services/app";
import { authorize } from "./auth";
import { echoed, errorResponse } from "./errors";
import { modelList } from "./models";
import { jsonReply, type GatewayReply, type GatewayRequest } from "./transport";

/** GET /v1/models */
export function listModels(services: Services, request: GatewayRequest): GatewayReply {
  const auth = authorize(services, request);
  if (!auth.ok) return auth.response;
  return jsonReply(200, modelList(services));
}

/**
 * GET /v1/models/{model}: OpenAI's retrieve-model, the entry GET /v1/models lists under that id (a roster model
 * or a routed name), or 404 model_not_found. Same key check and admission as the list.
 */
export function retrieveModel(services: Services, request: GatewayRequest, model: string | undefined): GatewayReply {
  const auth = authorize(services, request);
  if (!auth.ok) return auth.response;
  const found = model === undefined ? undefined : modelList(services).data.find((m) => m.id === model);
  if (found) return jsonReply(200, found);
  return errorResponse(404, `The model '${echoed(model ?? "")}' does not exist or is disabled; GET /v1/models lists the models you can use`, {
    type: "invalid_request_error",
    param: "model",
    code: "model_not_found",
  });
}

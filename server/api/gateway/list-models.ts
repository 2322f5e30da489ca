import type { Services } from "@/server/services/app";
import { authorize } from "./auth";
import { modelList } from "./models";
import { jsonReply, type GatewayReply, type GatewayRequest } from "./transport";

/** GET /v1/models */
export function listModels(services: Services, request: GatewayRequest): GatewayReply {
  const auth = authorize(services, request);
  if (!auth.ok) return auth.response;
  return jsonReply(200, modelList(services));
}

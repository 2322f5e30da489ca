import type { Services } from "@/server/services/app";
import { authorize } from "./auth";
import { modelList } from "./models";

/** GET /v1/models */
export function listModels(services: Services, request: Request): Response {
  const auth = authorize(services, request);
  if (!auth.ok) return auth.response;
  return Response.json(modelList(services));
}

import { metricsRoute } from "@/server/api/http/routes";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request) {
  return metricsRoute(request);
}

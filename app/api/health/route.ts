import { healthRoute } from "@/server/api/http/routes";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET() {
  return healthRoute();
}

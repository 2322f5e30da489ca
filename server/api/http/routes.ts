import { auth } from "@/server/auth/auth";
import { metricsToken } from "@/server/env";
import { getServices } from "@/server/services/app";
import { exporterFor, metricsFor } from "@/server/services/metrics";
import { handleHealth } from "./health-handler";
import { handleMetrics } from "./metrics-handler";

/** The route files' wiring: the real session, env and services behind the testable handlers. */
export function metricsRoute(request: Request): Promise<Response> {
  return handleMetrics(request, {
    token: metricsToken(),
    sessionRole: async () => {
      const session = await auth();
      const id = (session?.user as { id?: string } | undefined)?.id;
      if (!id) return null;
      // the JWT's role may be stale: the database's word counts
      const services = await getServices();
      return services.users.byId(id)?.role ?? null;
    },
    exporter: async () => exporterFor(await getServices()),
  });
}

export function healthRoute(): Promise<Response> {
  return handleHealth(async () => metricsFor(await getServices()).health());
}

import type { Role } from "@/server/auth/roles";
import type { Services } from "@/server/services/app";
import { exporterFor, metricsFor } from "@/server/services/metrics";
import { handleHealth } from "./health-handler";
import { handleMetrics } from "./metrics-handler";

/**
 * The /api/health and /api/metrics handlers over whichever services and session lookup they are given:
 * routes.ts passes the process-wide ones and the real session, tests pass in-memory ones. Nothing here
 * imports next-auth, so these run outside Next.
 */
export interface RouteDeps {
  services: () => Promise<Services> | Services;
  /** the signed-in user's id from the session cookie, or null */
  sessionUserId: (request: Request) => Promise<string | null>;
  /** ENSEMBLE_METRICS_TOKEN; undefined disables token access */
  metricsToken: () => string | undefined;
}

export function createHttpRoutes(deps: RouteDeps) {
  /** the session's role as the database has it now (a JWT's role may be stale), or null */
  const sessionRole = async (request: Request): Promise<Role | null> => {
    const id = await deps.sessionUserId(request);
    if (!id) return null;
    return (await deps.services()).users.byId(id)?.role ?? null;
  };
  return {
    health: (): Promise<Response> => handleHealth(async () => metricsFor(await deps.services()).health()),
    metrics: (request: Request): Promise<Response> =>
      handleMetrics(request, {
        token: deps.metricsToken(),
        sessionRole: () => sessionRole(request),
        exporter: async () => exporterFor(await deps.services()),
      }),
  };
}

import { auth } from "@/server/auth/auth";
import { metricsToken } from "@/server/env";
import { getServices } from "@/server/services/app";
import { createHttpRoutes } from "./route-handlers";

/** The route files' wiring: the real session, env and services behind the testable handlers. */
const routes = createHttpRoutes({
  services: getServices,
  sessionUserId: async () => {
    const session = await auth();
    return (session?.user as { id?: string } | undefined)?.id ?? null;
  },
  metricsToken,
});

export const metricsRoute = routes.metrics;
export const healthRoute = routes.health;

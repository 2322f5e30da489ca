import { getServices } from "@/server/services/app";
import { createGatewayHandlers } from "./index";

/** The gateway over the process-wide services, for the app/api/v1 route files. */
export const gateway = createGatewayHandlers(getServices);

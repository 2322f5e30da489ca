import { metricsFor } from "@/server/services/metrics";
import { modelMetricsSchema, overviewSchema } from "../schemas/metrics";
import { createTRPCRouter, viewerProcedure } from "../trpc";

/** One procedure per dashboard page, so a page is one or two calls whatever it charts. */
export const metricsRouter = createTRPCRouter({
  overview: viewerProcedure.input(overviewSchema).query(({ ctx, input }) => metricsFor(ctx.services).overview(input.range)),
  model: viewerProcedure.input(modelMetricsSchema).query(({ ctx, input }) => metricsFor(ctx.services).model(input.id, input.range)),
});

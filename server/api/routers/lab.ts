import { labServiceFor } from "@/server/services/lab";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../trpc";
import { importLabSchema, labRunIdSchema, startLabSchema } from "../schemas/lab";

/** Routing lab: every role may look; operators and admins import data and run evaluations (they cost CPU, not money). */
export const labRouter = createTRPCRouter({
  datasets: viewerProcedure.query(({ ctx }) => labServiceFor(ctx.services).list()),
  import: operatorProcedure
    .input(importLabSchema)
    .mutation(({ ctx, input }) =>
      labServiceFor(ctx.services).importFiles(input.name, { "items.jsonl": input.items, "outcomes.jsonl": input.outcomes, "models.json": input.models }),
    ),
  start: operatorProcedure.input(startLabSchema).mutation(({ ctx, input }) => {
    const run = labServiceFor(ctx.services).start(input.dataset, input.seed);
    return { runId: run.id };
  }),
  /** polled by the page while a run is in flight: progress, then the report */
  get: viewerProcedure.input(labRunIdSchema).query(({ ctx, input }) => labServiceFor(ctx.services).get(input.runId)),
});

import { tracked } from "@trpc/server";
import { labServiceFor } from "@/server/services/lab";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../trpc";
import { importLabSchema, labRunIdSchema, listLabRunsSchema, startLabSchema } from "../schemas/lab";
import { labShadowRouter } from "./lab-shadow";

/** Routing lab: every role may look; operators and admins import data and run evaluations (CPU, not money) and set shadow evaluation (money: lab-shadow.ts). */
export const labRouter = createTRPCRouter({
  datasets: viewerProcedure.query(({ ctx }) => labServiceFor(ctx.services).list()),
  import: operatorProcedure
    .input(importLabSchema)
    .mutation(({ ctx, input }) =>
      labServiceFor(ctx.services).importFiles(input.name, { "items.jsonl": input.items, "outcomes.jsonl": input.outcomes, "models.json": input.models }, { replace: input.replace }),
    ),
  start: operatorProcedure.input(startLabSchema).mutation(({ ctx, input }) => {
    const run = labServiceFor(ctx.services).start(input.dataset, { seed: input.seed, userId: ctx.user.id });
    return { runId: run.id };
  }),
  /** a stored run: progress while it works, then the report (reopened from lab_runs after a restart) */
  get: viewerProcedure.input(labRunIdSchema).query(({ ctx, input }) => labServiceFor(ctx.services).get(input.runId)),
  /** recent runs, newest first, without their reports */
  runs: viewerProcedure.input(listLabRunsSchema).query(({ ctx, input }) => labServiceFor(ctx.services).listRuns(input.limit)),
  /** the run now, then every progress step, over SSE; ends when the run is complete or failed */
  watch: viewerProcedure.input(labRunIdSchema).subscription(async function* ({ ctx, input, signal }) {
    let seq = 0;
    for await (const run of labServiceFor(ctx.services).watch(input.runId, signal)) yield tracked(String(++seq), run);
  }),
  shadow: labShadowRouter,
});

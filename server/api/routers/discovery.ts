import { z } from "zod";
import { adminProcedure, createTRPCRouter, idInput, viewerProcedure } from "../trpc";
import { addSuiteItemSchema, createSuiteSchema, runIdSchema, startDiscoverySchema } from "../schemas/discovery";

export const discoveryRouter = createTRPCRouter({
  start: adminProcedure.input(startDiscoverySchema).mutation(({ ctx, input }) => ctx.services.discovery.start(input, ctx.user.id)),
  cancel: adminProcedure.input(runIdSchema).mutation(({ ctx, input }) => ctx.services.discovery.cancel(input.runId)),
  get: viewerProcedure.input(runIdSchema).query(({ ctx, input }) => ctx.services.discovery.get(input.runId)),
  runs: viewerProcedure.input(z.object({ modelId: z.string().min(1).max(200, "must be at most 200 characters") })).query(({ ctx, input }) => ctx.services.discovery.listRuns(input.modelId)),
  /** live progress of a run; ends when it finishes */
  watch: viewerProcedure.input(runIdSchema).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.services.discovery.watch(input.runId, signal);
  }),
  suites: viewerProcedure.query(({ ctx }) => ctx.services.discovery.listSuites()),
  suite: viewerProcedure.input(idInput).query(({ ctx, input }) => ctx.services.discovery.suite(input.id)),
  createSuite: adminProcedure.input(createSuiteSchema).mutation(({ ctx, input }) => ctx.services.discovery.createSuite(input, ctx.user.id)),
  deleteSuite: adminProcedure.input(idInput).mutation(({ ctx, input }) => ctx.services.discovery.deleteSuite(input.id)),
  addItem: adminProcedure.input(addSuiteItemSchema).mutation(({ ctx, input }) => ctx.services.discovery.addItem(input.suiteId, input.item)),
  deleteItem: adminProcedure.input(idInput).mutation(({ ctx, input }) => ctx.services.discovery.deleteItem(input.id)),
});

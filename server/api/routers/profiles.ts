import { adminProcedure, createTRPCRouter, operatorProcedure, viewerProcedure } from "../trpc";
import { feedbackSchema, historySchema, resetProfileSchema, setManualSchema } from "../schemas/profiles";
import { z } from "zod";

export const profilesRouter = createTRPCRouter({
  history: viewerProcedure.input(historySchema).query(({ ctx, input }) => ctx.services.profiles.history(input.modelId, input.since)),
  setManual: adminProcedure
    .input(setManualSchema)
    .mutation(({ ctx, input }) => ctx.services.profiles.setManual(input.modelId, input.capability, input.score, ctx.user.email)),
  resetToDiscovered: adminProcedure
    .input(resetProfileSchema)
    .mutation(({ ctx, input }) => ctx.services.profiles.resetToDiscovered(input.modelId, input.capability)),
  feedback: operatorProcedure.input(feedbackSchema).mutation(({ ctx, input }) => ctx.services.profiles.feedback(input.taskId, ctx.user.id, input.rating)),
  feedbackOf: viewerProcedure.input(z.object({ taskId: z.string().min(1).max(200) })).query(({ ctx, input }) => ctx.services.profiles.feedbackOf(input.taskId)),
});

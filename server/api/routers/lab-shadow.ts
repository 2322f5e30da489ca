import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../trpc";
import { shadowSettingsSchema } from "../schemas/lab";

/** Shadow evaluation: everyone sees the settings and results; operators and admins change them (they spend money). */
export const labShadowRouter = createTRPCRouter({
  settings: viewerProcedure.query(({ ctx }) => ctx.services.shadow.settings()),
  update: operatorProcedure.input(shadowSettingsSchema).mutation(({ ctx, input }) => ctx.services.shadow.update(input, ctx.user.id)),
  stats: viewerProcedure.query(({ ctx }) => ({ byModel: ctx.services.shadow.stats(), recent: ctx.services.shadow.recent(10) })),
});

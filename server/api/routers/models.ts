import { adminProcedure, createTRPCRouter, idInput, viewerProcedure } from "../trpc";
import { createModelSchema, setEnabledSchema, updateModelSchema } from "../schemas/models";

export const modelsRouter = createTRPCRouter({
  list: viewerProcedure.query(({ ctx }) => ctx.services.roster.list()),
  get: viewerProcedure.input(idInput).query(({ ctx, input }) => ctx.services.roster.get(input.id)),
  /** each model's circuit breaker: state, failures in a row, when it opened and when it will probe again */
  breakers: viewerProcedure.query(({ ctx }) => ctx.services.breakers.snapshot()),
  /** the hidden simulation config: admins only, for the edit form */
  simulatedConfig: adminProcedure.input(idInput).query(({ ctx, input }) => ctx.services.roster.simulatedConfig(input.id)),
  create: adminProcedure.input(createModelSchema).mutation(({ ctx, input }) => ctx.services.roster.create(input)),
  update: adminProcedure.input(updateModelSchema).mutation(({ ctx, input }) => {
    const { id, ...patch } = input;
    return ctx.services.roster.update(id, patch);
  }),
  setEnabled: adminProcedure.input(setEnabledSchema).mutation(({ ctx, input }) => ctx.services.roster.setEnabled(input.id, input.enabled)),
  delete: adminProcedure.input(idInput).mutation(({ ctx, input }) => ctx.services.roster.remove(input.id)),
});

import { adminProcedure, createTRPCRouter, idInput } from "../trpc";
import { createProviderSchema, testProviderSchema } from "../schemas/providers";

export const providersRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => ctx.services.providers.list()),
  create: adminProcedure.input(createProviderSchema).mutation(({ ctx, input }) => ctx.services.providers.create(input)),
  delete: adminProcedure.input(idInput).mutation(({ ctx, input }) => ctx.services.providers.remove(input.id)),
  testConnection: adminProcedure
    .input(testProviderSchema)
    .mutation(({ ctx, input }) => ctx.services.providers.test(input.id, input.remoteModel)),
});

import { adminProcedure, createTRPCRouter, idInput, viewerProcedure } from "../trpc";
import { createUserSchema, setRoleSchema } from "../schemas/users";

export const usersRouter = createTRPCRouter({
  me: viewerProcedure.query(({ ctx }) => ctx.user),
  list: adminProcedure.query(({ ctx }) => ctx.services.users.list()),
  create: adminProcedure.input(createUserSchema).mutation(({ ctx, input }) => ctx.services.users.create(input)),
  setRole: adminProcedure
    .input(setRoleSchema)
    .mutation(({ ctx, input }) => ctx.services.users.setRole(input.id, input.role, ctx.user.id)),
  delete: adminProcedure.input(idInput).mutation(({ ctx, input }) => ctx.services.users.remove(input.id, ctx.user.id)),
});

import { gatewayPortInUse } from "../gateway/endpoint";
import { adminProcedure, createTRPCRouter, idInput } from "../trpc";
import { createApiKeySchema } from "../schemas/api-keys";

/** Gateway keys: admins only. `create` is the one response that carries the plain key. */
export const apiKeysRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => ctx.services.apiKeys.list()),
  create: adminProcedure
    .input(createApiKeySchema)
    .mutation(({ ctx, input }) => ctx.services.apiKeys.create({ ...input, createdBy: ctx.user.email })),
  revoke: adminProcedure.input(idInput).mutation(({ ctx, input }) => ctx.services.apiKeys.revoke(input.id)),
  /** where clients point their base URL: the gateway's own port when the server opened one */
  endpoint: adminProcedure.query(() => ({ gatewayPort: gatewayPortInUse() })),
});

import { tracked } from "@trpc/server";
import { createTRPCRouter, idInput, operatorProcedure, viewerProcedure } from "../trpc";
import { listTasksSchema, submitTaskSchema, watchTaskSchema } from "../schemas/tasks";

export const tasksRouter = createTRPCRouter({
  submit: operatorProcedure
    .input(submitTaskSchema)
    .mutation(({ ctx, input }) => ctx.services.tasks.submit(input, { source: "ui", userId: ctx.user.id })),
  /** the curated demo batch across capabilities and strategies */
  demo: operatorProcedure.mutation(({ ctx }) => ctx.services.tasks.submitDemo({ source: "ui", userId: ctx.user.id })),
  cancel: operatorProcedure.input(idInput).mutation(({ ctx, input }) => ctx.services.tasks.cancel(input.id)),
  counts: viewerProcedure.query(({ ctx }) => ctx.services.tasks.countsByStatus()),
  list: viewerProcedure.input(listTasksSchema).query(({ ctx, input }) => ctx.services.tasks.list(input)),
  get: viewerProcedure.input(idInput).query(({ ctx, input }) => ctx.services.tasks.get(input.id)),
  /** Persisted events since lastEventId, then live ones; ends when the task is terminal. */
  watch: viewerProcedure.input(watchTaskSchema).subscription(async function* ({ ctx, input, signal }) {
    let lastPersisted = input.lastEventId ? Number.parseInt(input.lastEventId, 10) || 0 : 0;
    let transientSeq = 0;
    for await (const published of ctx.services.tasks.watch(input.id, lastPersisted, signal)) {
      // transient deltas carry "<last persisted id>:<n>" so a reconnect resumes after the last persisted event
      if (published.id !== undefined) lastPersisted = published.id;
      const id = published.id !== undefined ? String(published.id) : `${lastPersisted}:${++transientSeq}`;
      yield tracked(id, published);
    }
  }),
});

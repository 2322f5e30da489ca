import { tracked } from "@trpc/server";
import { createTRPCRouter, idInput, operatorProcedure, viewerProcedure } from "../trpc";
import { cacheStatsSchema, listTasksSchema, submitTaskSchema, watchTaskSchema } from "../schemas/tasks";

export const tasksRouter = createTRPCRouter({
  submit: operatorProcedure
    .input(submitTaskSchema)
    .mutation(({ ctx, input }) => ctx.services.tasks.submit(input, { source: "ui", userId: ctx.user.id })),
  /** the curated demo batch across capabilities and strategies */
  demo: operatorProcedure.mutation(({ ctx }) => ctx.services.tasks.submitDemo({ source: "ui", userId: ctx.user.id })),
  cancel: operatorProcedure.input(idInput).mutation(({ ctx, input }) => ctx.services.tasks.cancel(input.id)),
  counts: viewerProcedure.query(({ ctx }) => ctx.services.tasks.countsByStatus()),
  /** result-cache hits and misses (optionally since a time) and live entries */
  cacheStats: viewerProcedure.input(cacheStatsSchema).query(({ ctx, input }) => ctx.services.cache.stats(input.since)),
  /** the durable queue: tasks waiting (all processes) and running in the server's worker pool */
  queue: viewerProcedure.query(({ ctx }) => ({ depth: ctx.services.queue.depth(), active: ctx.services.queue.active(), workers: ctx.services.queue.concurrency })),
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

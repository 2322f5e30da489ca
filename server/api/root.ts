import { createCallerFactory, createTRPCRouter } from "./trpc";
import { modelsRouter } from "./routers/models";
import { providersRouter } from "./routers/providers";
import { tasksRouter } from "./routers/tasks";
import { usersRouter } from "./routers/users";

export const appRouter = createTRPCRouter({
  models: modelsRouter,
  providers: providersRouter,
  tasks: tasksRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

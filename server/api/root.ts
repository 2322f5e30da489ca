import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiKeysRouter } from "./routers/api-keys";
import { discoveryRouter } from "./routers/discovery";
import { labRouter } from "./routers/lab";
import { metricsRouter } from "./routers/metrics";
import { modelsRouter } from "./routers/models";
import { profilesRouter } from "./routers/profiles";
import { providersRouter } from "./routers/providers";
import { tasksRouter } from "./routers/tasks";
import { usersRouter } from "./routers/users";

export const appRouter = createTRPCRouter({
  models: modelsRouter,
  profiles: profilesRouter,
  discovery: discoveryRouter,
  providers: providersRouter,
  tasks: tasksRouter,
  users: usersRouter,
  apiKeys: apiKeysRouter,
  metrics: metricsRouter,
  lab: labRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

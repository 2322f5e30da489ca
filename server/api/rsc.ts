import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { appRouter } from "./root";
import { createContext } from "./context";
import { makeQueryClient } from "@/components/providers/query-client";

/** One QueryClient per request, so server components can prefetch and hydrate. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({
  ctx: async () => createContext(await headers()),
  router: appRouter,
  queryClient: getQueryClient,
});

export const serverCaller = cache(async () => appRouter.createCaller(await createContext(await headers())));

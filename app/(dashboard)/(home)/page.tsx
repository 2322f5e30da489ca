import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { RECENT_TASKS_INPUT } from "@/components/home/home-queries";
import { HomeView } from "@/components/home/home-view";

export default async function HomePage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.models.list.queryOptions()),
    queryClient.prefetchQuery(trpc.tasks.list.queryOptions(RECENT_TASKS_INPUT)),
    queryClient.prefetchQuery(trpc.tasks.counts.queryOptions()),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <HomeView />
    </HydrationBoundary>
  );
}

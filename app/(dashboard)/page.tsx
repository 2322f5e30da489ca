import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { countInput, COUNTED_STATUSES, RECENT_TASKS_INPUT } from "@/components/home/home-queries";
import { HomeView } from "@/components/home/home-view";

export default async function HomePage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.models.list.queryOptions()),
    queryClient.prefetchQuery(trpc.tasks.list.queryOptions(RECENT_TASKS_INPUT)),
    ...[undefined, ...COUNTED_STATUSES].map((status) => queryClient.prefetchQuery(trpc.tasks.list.queryOptions(countInput(status)))),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <HomeView />
    </HydrationBoundary>
  );
}

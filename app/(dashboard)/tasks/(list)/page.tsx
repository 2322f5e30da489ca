import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { filtersFromParams, toListInput } from "@/components/tasks/list-params";
import { TaskListView } from "@/components/tasks/task-list-view";
import { SkeletonRows } from "@/components/ui";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = filtersFromParams(await searchParams);
  const queryClient = getQueryClient();
  const prefetches: Promise<void>[] = [queryClient.prefetchQuery(trpc.models.list.queryOptions())];
  // date filters depend on the browser's time zone, so only the browser can build that query
  if (!filters.from && !filters.to) prefetches.push(queryClient.prefetchQuery(trpc.tasks.list.queryOptions(toListInput(filters))));
  await Promise.all(prefetches);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<SkeletonRows rows={8} />}>
        <TaskListView />
      </Suspense>
    </HydrationBoundary>
  );
}

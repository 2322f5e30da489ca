import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { TaskDetailView } from "@/components/tasks/detail/task-detail-view";
import { fetchOrNotFound } from "../../fetch-or-not-found";

export const metadata: Metadata = { title: "Task" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const queryClient = getQueryClient();
  await Promise.all([fetchOrNotFound(trpc.tasks.get.queryOptions({ id })), queryClient.prefetchQuery(trpc.models.list.queryOptions())]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TaskDetailView taskId={id} />
    </HydrationBoundary>
  );
}

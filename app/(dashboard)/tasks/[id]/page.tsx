import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { TaskDetailView } from "@/components/tasks/detail/task-detail-view";

export const metadata: Metadata = { title: "Task" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const queryClient = getQueryClient();
  try {
    await Promise.all([queryClient.fetchQuery(trpc.tasks.get.queryOptions({ id })), queryClient.prefetchQuery(trpc.models.list.queryOptions())]);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TaskDetailView taskId={id} />
    </HydrationBoundary>
  );
}

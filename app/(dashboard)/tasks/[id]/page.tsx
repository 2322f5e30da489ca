import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { TaskDetailView } from "@/components/tasks/detail/task-detail-view";

export const metadata: Metadata = { title: "Task" };

/**
 * A task id that does not exist (NOT_FOUND) or cannot (BAD_REQUEST). Duck-typed on purpose: the tRPC error's
 * code, or its DomainError cause's code when the error reached us unmapped.
 */
function isMissingTask(error: unknown): boolean {
  const codes = [(error as { code?: unknown })?.code, (error as { cause?: { code?: unknown } })?.cause?.code];
  return codes.some((code) => code === "NOT_FOUND" || code === "BAD_REQUEST");
}

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const queryClient = getQueryClient();
  try {
    await Promise.all([queryClient.fetchQuery({ ...trpc.tasks.get.queryOptions({ id }), retry: false }), queryClient.prefetchQuery(trpc.models.list.queryOptions())]);
  } catch (error) {
    if (isMissingTask(error)) notFound();
    throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TaskDetailView taskId={id} />
    </HydrationBoundary>
  );
}

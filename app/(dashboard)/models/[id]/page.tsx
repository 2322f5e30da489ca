import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { ModelDetailView } from "@/components/profiles/model-detail-view";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const model = await getQueryClient().fetchQuery({ ...trpc.models.get.queryOptions({ id }), retry: false });
    return { title: model.name };
  } catch {
    return { title: "Model" };
  }
}

/** A model id that does not exist (NOT_FOUND) or cannot (BAD_REQUEST); duck-typed like the task page. */
function isMissingModel(error: unknown): boolean {
  const codes = [(error as { code?: unknown })?.code, (error as { cause?: { code?: unknown } })?.cause?.code];
  return codes.some((code) => code === "NOT_FOUND" || code === "BAD_REQUEST");
}

export default async function ModelPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const run = (await searchParams).run;
  const runId = typeof run === "string" && run.length > 0 && run.length <= 100 ? run : undefined;
  const queryClient = getQueryClient();
  try {
    await Promise.all([
      queryClient.fetchQuery({ ...trpc.models.get.queryOptions({ id }), retry: false }),
      queryClient.prefetchQuery(trpc.profiles.history.queryOptions({ modelId: id })),
      queryClient.prefetchQuery(trpc.discovery.runs.queryOptions({ modelId: id })),
      queryClient.prefetchQuery(trpc.discovery.suites.queryOptions()),
    ]);
  } catch (error) {
    if (isMissingModel(error)) notFound();
    throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ModelDetailView modelId={id} initialRunId={runId} />
    </HydrationBoundary>
  );
}

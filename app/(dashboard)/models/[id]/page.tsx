import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { ModelDetailView } from "@/components/profiles/model-detail-view";
import { fetchOrNotFound } from "../../fetch-or-not-found";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const model = await getQueryClient().fetchQuery({ ...trpc.models.get.queryOptions({ id }), retry: false });
    return { title: model.name };
  } catch {
    return { title: "Model" };
  }
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
  await Promise.all([
    fetchOrNotFound(trpc.models.get.queryOptions({ id })),
    queryClient.prefetchQuery(trpc.profiles.history.queryOptions({ modelId: id })),
    queryClient.prefetchQuery(trpc.discovery.runs.queryOptions({ modelId: id })),
    queryClient.prefetchQuery(trpc.discovery.suites.queryOptions()),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ModelDetailView modelId={id} initialRunId={runId} />
    </HydrationBoundary>
  );
}

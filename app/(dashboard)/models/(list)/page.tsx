import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { hasRole } from "@/server/auth/roles";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { ModelsView } from "@/components/models/models-view";
import { requireViewer } from "../../viewer";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  const viewer = await requireViewer();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.models.list.queryOptions()),
    hasRole(viewer.role, "admin") ? queryClient.prefetchQuery(trpc.providers.list.queryOptions()) : null,
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ModelsView />
    </HydrationBoundary>
  );
}

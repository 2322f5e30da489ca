import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { hasRole } from "@/server/auth/roles";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { CapabilitiesView } from "@/components/discovery/capabilities-view";
import { requireViewer } from "../viewer";

export const metadata: Metadata = { title: "Capabilities" };

export default async function CapabilitiesPage() {
  const viewer = await requireViewer();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.discovery.suites.queryOptions()),
    hasRole(viewer.role, "admin") ? queryClient.prefetchQuery(trpc.models.list.queryOptions()) : null,
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CapabilitiesView />
    </HydrationBoundary>
  );
}

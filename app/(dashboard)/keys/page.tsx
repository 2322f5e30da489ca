import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { hasRole } from "@/server/auth/roles";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { KeysView } from "@/components/keys/keys-view";
import { NeedsRole } from "@/components/shared/needs-role";
import { requireViewer } from "../viewer";

export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage() {
  const viewer = await requireViewer();
  if (!hasRole(viewer.role, "admin")) {
    return <NeedsRole title="API keys" action="Managing API keys" role="admin" viewerRole={viewer.role} hint="Ask an admin for a gateway key." />;
  }
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.apiKeys.list.queryOptions()), queryClient.prefetchQuery(trpc.apiKeys.endpoint.queryOptions())]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <KeysView />
    </HydrationBoundary>
  );
}

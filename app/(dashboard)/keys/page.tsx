import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { hasRole } from "@/server/auth/roles";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { KeysView } from "@/components/keys/keys-view";
import { Alert, PageHeader } from "@/components/ui";
import { requireViewer } from "../viewer";

export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage() {
  const viewer = await requireViewer();
  if (!hasRole(viewer.role, "admin")) {
    return (
      <>
        <PageHeader title="API keys" />
        <Alert tone="warning" title="Managing API keys needs the admin role" data-testid="needs-role">
          You are signed in as {viewer.role === "operator" ? "an" : "a"} {viewer.role}. Ask an admin for a gateway key.
        </Alert>
      </>
    );
  }
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.apiKeys.list.queryOptions());
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <KeysView />
    </HydrationBoundary>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { hasRole } from "@/server/auth/roles";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { UsersView } from "@/components/users/users-view";
import { Alert, PageHeader } from "@/components/ui";
import { requireViewer } from "../viewer";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await requireViewer();
  if (!hasRole(viewer.role, "admin")) {
    return (
      <>
        <PageHeader title="Users" />
        <Alert tone="warning" title="Managing users needs the admin role" data-testid="needs-role">
          You are signed in as {viewer.role === "operator" ? "an" : "a"} {viewer.role}. Ask an admin if you need access.
        </Alert>
      </>
    );
  }
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.users.list.queryOptions());
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UsersView />
    </HydrationBoundary>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { hasRole } from "@/server/auth/roles";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { UsersView } from "@/components/users/users-view";
import { NeedsRole } from "@/components/shared/needs-role";
import { requireViewer } from "../viewer";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await requireViewer();
  if (!hasRole(viewer.role, "admin")) {
    return <NeedsRole title="Users" action="Managing users" role="admin" viewerRole={viewer.role} hint="Ask an admin if you need access." />;
  }
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.users.list.queryOptions());
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UsersView />
    </HydrationBoundary>
  );
}

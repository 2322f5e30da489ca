import type { ReactNode } from "react";
import { trpc } from "@/server/api/rsc";
import { fetchOrNotFound } from "../../fetch-or-not-found";

export default async function ModelLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  await fetchOrNotFound(trpc.models.get.queryOptions({ id }));
  return children;
}

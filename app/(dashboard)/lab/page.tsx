import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { LabView } from "@/components/lab/lab-view";
import { requireViewer } from "../viewer";

export const metadata: Metadata = { title: "Lab" };

export default async function LabPage() {
  await requireViewer();
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.lab.datasets.queryOptions()), queryClient.prefetchQuery(trpc.lab.runs.queryOptions({ limit: 20 }))]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <LabView />
    </HydrationBoundary>
  );
}

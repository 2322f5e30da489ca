"use client";

import { useQuery } from "@tanstack/react-query";
import { DiscoverySection } from "@/components/discovery/discovery-section";
import { useTRPC } from "@/components/providers/trpc";
import { useCan } from "@/components/shared/viewer";
import { Alert, Skeleton, SkeletonRows } from "@/components/ui";
import { ModelHeader } from "./model-header";
import { ProfileHistorySection } from "./profile-history-section";
import { ProfileChartCard, ProfileSection } from "./profile-section";

function DetailSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading model…</span>
      <Skeleton className="mb-3 h-4 w-24" />
      <Skeleton className="mb-2 h-7 w-64" />
      <Skeleton className="mb-6 h-20" />
      <SkeletonRows rows={12} />
    </div>
  );
}

/** One model: what it costs, its capability profile, how that profile moved, and discovery runs against it. */
export function ModelDetailView({ modelId, initialRunId }: { modelId: string; initialRunId?: string }) {
  const trpc = useTRPC();
  const canManage = useCan("admin");
  const model = useQuery(trpc.models.get.queryOptions({ id: modelId }));

  if (model.isPending) return <DetailSkeleton />;
  if (model.isError) {
    return (
      <Alert tone="error" title="Could not load this model" data-testid="model-load-error">
        {model.error.message}
      </Alert>
    );
  }
  return (
    <div data-testid="model-detail" data-model-id={model.data.id}>
      <ModelHeader model={model.data} canManage={canManage} />
      <div className="space-y-6">
        <ProfileSection model={model.data} canManage={canManage} />
        <div className="grid gap-6 xl:grid-cols-2">
          <ProfileChartCard model={model.data} />
          <ProfileHistorySection model={model.data} asOf={model.dataUpdatedAt} />
        </div>
        <DiscoverySection modelId={model.data.id} modelName={model.data.name} canManage={canManage} initialRunId={initialRunId} />
      </div>
    </div>
  );
}

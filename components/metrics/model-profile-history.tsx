"use client";

import { useQuery } from "@tanstack/react-query";
import { defaultHistoryCapability, prepareProfileHistory } from "@/components/charts/prepare-profile-history";
import { ProfileHistoryChart } from "@/components/profiles/profile-history-chart";
import { useTRPC } from "@/components/providers/trpc";
import { humanize } from "@/components/shared/format";
import { EmptyState, Skeleton } from "@/components/ui";

/** The model's capability history over the selected window (profiles.history), its most-changed capability shown. */
export function ModelProfileHistory({ modelId, since }: { modelId: string; since: number }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.profiles.history.queryOptions({ modelId, since }));
  if (history.isPending) return <Skeleton className="h-56 w-full" />;
  const prepared = prepareProfileHistory(history.data ?? []);
  const capability = defaultHistoryCapability(prepared);
  const series = prepared.series.find((s) => s.capability === capability);
  if (!series || !prepared.domain) return <EmptyState title="No profile changes in this range" hint="Profiles move as tasks finish and discovery runs." />;
  return (
    <div>
      <p className="mb-2 text-xs text-neutral-500">{humanize(series.capability)} (the capability that changed most)</p>
      <ProfileHistoryChart series={series} domain={prepared.domain} />
    </div>
  );
}

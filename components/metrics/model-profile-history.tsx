import { defaultHistoryCapability, prepareProfileHistory, type ProfileHistoryRowLike } from "@/components/charts/prepare-profile-history";
import { ProfileHistoryChart } from "@/components/profiles/profile-history-chart";
import { humanize } from "@/components/shared/format";
import { EmptyState } from "@/components/ui";

/** The model's capability history over the selected window (sampled, shipped with `metrics.model`), its most-changed capability shown. */
export function ModelProfileHistory({ rows }: { rows: readonly ProfileHistoryRowLike[] }) {
  const prepared = prepareProfileHistory(rows);
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

import type { Kpi } from "@/components/charts/prepare-metrics-overview";
import { Card } from "@/components/ui";
import { Sparkline } from "./sparkline";

export function KpiGrid({ kpis }: { kpis: readonly Kpi[] }) {
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
      {kpis.map((kpi) => (
        <Card key={kpi.key} className="px-4 pt-3 pb-2" data-testid={`kpi-${kpi.key}`}>
          <p className="text-xs font-medium text-neutral-500">{kpi.label}</p>
          <p className="mt-1 text-2xl font-semibold text-neutral-900 tabular-nums" data-testid="kpi-value" data-raw={kpi.raw ?? ""}>
            {kpi.value}
          </p>
          <p className="text-[11px] text-neutral-500">{kpi.hint}</p>
          <Sparkline points={kpi.spark} />
        </Card>
      ))}
    </div>
  );
}

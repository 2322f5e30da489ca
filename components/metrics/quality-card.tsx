import { hasData, toSeries } from "@/components/charts/prepare-metrics-series";
import { formatInt, formatPercent } from "@/components/shared/format";
import { Card, CardBody, CardHeader } from "@/components/ui";
import { Sparkline } from "./sparkline";
import type { MetricsOverview } from "./types";

/** Task success, how often routing picked a near-best model, and whether learning converges to the simulated truth. */
export function QualityCard({ quality }: { quality: MetricsOverview["quality"] }) {
  const learning = toSeries(quality.learning, (p) => p.meanAbsError);
  const latest = [...quality.learning].reverse().find((p) => p.meanAbsError !== null);
  return (
    <Card data-testid="quality-card">
      <CardHeader title="Quality" />
      <CardBody className="grid gap-4 sm:grid-cols-3">
        <div>
          <p className="text-xs text-neutral-500">Task success rate</p>
          <p className="text-xl font-semibold tabular-nums">{quality.successRate === null ? "–" : formatPercent(quality.successRate, 1)}</p>
        </div>
        <div>
          <p className="text-xs text-neutral-500">Model-selection efficiency</p>
          <p className="text-xl font-semibold tabular-nums">{quality.selection.share === null ? "–" : formatPercent(quality.selection.share, 1)}</p>
          <p className="text-[11px] text-neutral-500">
            chosen model within {quality.selection.tolerance} of the best eligible candidate&apos;s expected quality ·{" "}
            {formatInt(quality.selection.evaluated)} routed tasks
          </p>
        </div>
        <div>
          <p className="text-xs text-neutral-500">Learning error |profile − true skill|</p>
          <p className="text-xl font-semibold tabular-nums">{latest?.meanAbsError == null ? "–" : latest.meanAbsError.toFixed(3)}</p>
          <p className="text-[11px] text-neutral-500">simulated models only; lower is better</p>
          {hasData(learning) && <Sparkline points={learning} color="#f59e0b" />}
        </div>
      </CardBody>
    </Card>
  );
}

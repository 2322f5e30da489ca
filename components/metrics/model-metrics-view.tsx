"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { prepareCostSeries, prepareErrorBreakdown, prepareLatencyHistogram } from "@/components/charts/prepare-metrics-model";
import { useTRPC } from "@/components/providers/trpc";
import { SimulatedBadge } from "@/components/models/simulated-badge";
import { Alert, Badge, Card, CardBody, CardHeader, EmptyState, PageHeader, SkeletonRows } from "@/components/ui";
import type { MetricRange } from "@/server/api/schemas/metrics";
import { CostChart } from "./cost-chart";
import { ErrorBreakdown } from "./error-breakdown";
import { LatencyHistogram } from "./latency-histogram";
import { ModelProfileHistory } from "./model-profile-history";
import { modelStats } from "./model-stats";
import { RangePicker } from "./range-picker";
import { METRICS_REFRESH_MS, useRange } from "./use-range";
import { WindowSummary } from "./window-summary";

/** One model's dashboard: one `metrics.model` call per load and per refresh (its profile history comes with it). */
export function ModelMetricsView({ modelId, initialRange }: { modelId: string; initialRange: MetricRange }) {
  const trpc = useTRPC();
  const [range, setRange] = useRange(initialRange);
  const query = useQuery(trpc.metrics.model.queryOptions({ id: modelId, range }, { refetchInterval: METRICS_REFRESH_MS, placeholderData: keepPreviousData }));
  const data = query.data;
  const stats = data ? modelStats(data.totals) : [];
  return (
    <>
      <PageHeader
        title={data ? data.model.name : "Model metrics"}
        description={
          <>
            <Link href="/metrics" className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
              Metrics
            </Link>{" "}
            / {modelId}
          </>
        }
        actions={<RangePicker value={range} onChange={setRange} />}
      />
      {query.error && <Alert tone="error">{query.error.message}</Alert>}
      {!data ? (
        !query.error && <SkeletonRows rows={6} />
      ) : (
        <div className="space-y-6" data-testid="model-metrics">
          <div className="flex flex-wrap items-center gap-3">
            <WindowSummary window={data.window} />
            <Badge tone={data.model.health === "open" ? "red" : data.model.health === "half-open" ? "amber" : "green"}>breaker {data.model.health}</Badge>
            {data.model.simulated && <SimulatedBadge />}
          </div>
          <Card>
            <CardBody>
              {/* on a wide screen each figure takes the width it needs, so "1.72 s / 4.87 s / 4.87 s" stays on one line */}
              <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-[repeat(6,auto)] xl:justify-between">
                {stats.map(({ label, parts }) => (
                  <div key={label}>
                    <dt className="text-xs text-neutral-500">{label}</dt>
                    <dd className="text-sm font-semibold tabular-nums">
                      {parts.map((part, i) => (
                        <span key={i}>
                          {i > 0 && " / "}
                          <span className="whitespace-nowrap">{part}</span>
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
          {data.totals.requests === 0 ? (
            <EmptyState data-testid="metrics-empty" title="No calls to this model in this range" hint="Run the demo batch on the home page, or pick a longer range." />
          ) : (
            <div className="grid gap-6 lg:grid-cols-2">
              <Card>
                <CardHeader title="Latency histogram" description="Completed calls, quarter-octave bins." />
                <CardBody>
                  <LatencyHistogram bars={prepareLatencyHistogram(data.histogram)} />
                </CardBody>
              </Card>
              <Card>
                <CardHeader title="Cost over time" description="Cumulative spend on this model in the range." />
                <CardBody>
                  <CostChart points={prepareCostSeries(data.buckets)} bucketMs={data.window.bucketMs} spanMs={data.window.to - data.window.from} />
                </CardBody>
              </Card>
              <Card>
                <CardHeader title="Errors by kind" />
                <ErrorBreakdown slices={prepareErrorBreakdown(data.errors)} />
              </Card>
              <Card>
                <CardHeader title="Capability profile history" />
                <CardBody>
                  <ModelProfileHistory rows={data.profileHistory} />
                </CardBody>
              </Card>
            </div>
          )}
        </div>
      )}
    </>
  );
}

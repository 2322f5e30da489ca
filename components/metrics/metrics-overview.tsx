"use client";

import { useModelNames } from "@/components/tasks/use-model-names";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { overviewHasData, prepareKpis } from "@/components/charts/prepare-metrics-overview";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, buttonClasses, Card, CardBody, CardHeader, EmptyState, PageHeader, SkeletonRows } from "@/components/ui";
import type { MetricRange } from "@/server/api/schemas/metrics";
import { KpiGrid } from "./kpi-grid";
import { QualityCard } from "./quality-card";
import { RangePicker } from "./range-picker";
import { RosterHealth } from "./roster-health";
import { StepStatsTable } from "./step-stats-table";
import { StrategyTable } from "./strategy-table";
import { SystemCard } from "./system-card";
import { TasksChart } from "./tasks-chart";
import { METRICS_REFRESH_MS, useRange } from "./use-range";
import { WindowSummary } from "./window-summary";

/** The overview dashboard: one `metrics.overview` call per load and per refresh, whatever it shows. */
export function MetricsOverviewView({ initialRange }: { initialRange: MetricRange }) {
  const trpc = useTRPC();
  const modelName = useModelNames();
  const [range, setRange] = useRange(initialRange);
  const query = useQuery(trpc.metrics.overview.queryOptions({ range }, { refetchInterval: METRICS_REFRESH_MS, placeholderData: keepPreviousData }));
  const data = query.data;
  return (
    <>
      <PageHeader title="Metrics" description="Throughput, quality, cost and health of the orchestrator." actions={<RangePicker value={range} onChange={setRange} />} />
      {query.error && <Alert tone="error">{query.error.message}</Alert>}
      {!data ? (
        <SkeletonRows rows={6} />
      ) : (
        <div className="space-y-6" data-range={data.window.range} data-testid="metrics-overview">
          <WindowSummary window={data.window} />
          <KpiGrid kpis={prepareKpis(data)} />
          <Card>
            <CardHeader title="Tasks" description="Finished per bucket: completed, failed and cancelled." />
            <CardBody>
              {overviewHasData(data) ? (
                <TasksChart buckets={data.buckets} bucketMs={data.window.bucketMs} spanMs={data.window.to - data.window.from} />
              ) : (
                <EmptyState
                  data-testid="metrics-empty"
                  title="No tasks in this range"
                  hint="Run the demo batch on the home page (or submit a task), then come back: the charts fill within seconds. Or pick a longer range."
                  action={
                    <Link href="/" className={buttonClasses("secondary", "sm")}>
                      Go to the home page
                    </Link>
                  }
                />
              )}
            </CardBody>
          </Card>
          <RosterHealth roster={data.roster} breakers={data.breakers} />
          <QualityCard quality={data.quality} />
          <StepStatsTable title="By model" rows={data.byModel} kind="model" modelName={modelName} />
          <StepStatsTable title="By capability" rows={data.byCapability} kind="capability" />
          <StrategyTable rows={data.strategies} />
          <SystemCard system={data.system} />
        </div>
      )}
    </>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, Card, CardBody, CardHeader, EmptyState, SkeletonRows } from "@/components/ui";
import { PastRuns } from "./past-runs";
import { RunDiscoveryForm } from "./run-discovery-form";
import { RunPanel } from "./run-panel";

/**
 * Discovery for one model: admins start a run, everyone follows the current one live, and earlier runs
 * open in place. The run shown is the one just started, the one named in the URL, or the one still running.
 */
export function DiscoverySection({ modelId, modelName, canManage, initialRunId }: { modelId: string; modelName: string; canManage: boolean; initialRunId?: string }) {
  const trpc = useTRPC();
  // while a listed run is running, the list refreshes itself (its status, probes and cost catch up)
  const runs = useQuery({
    ...trpc.discovery.runs.queryOptions({ modelId }),
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === "running") ? 3000 : false),
  });
  const suites = useQuery(trpc.discovery.suites.queryOptions());
  const [selected, setSelected] = useState<string | null>(initialRunId ?? null);

  const running = runs.data?.find((r) => r.status === "running");
  const activeRunId = selected ?? running?.id ?? null;
  const suiteName = useCallback((id: string | null) => (id ? (suites.data?.find((s) => s.id === id)?.name ?? id) : null), [suites.data]);

  return (
    <Card data-testid="discovery-section">
      <CardHeader
        title="Discovery"
        description={`Probes ${modelName} with graded suites and sets its profile from the results. Adaptive: uncertain capabilities get more probes, settled ones stop early.`}
      />
      <CardBody className="space-y-6">
        {canManage && <RunDiscoveryForm modelId={modelId} busy={Boolean(running)} onStarted={setSelected} />}
        {activeRunId && (
          <div className="rounded-lg border border-neutral-200 p-4">
            <RunPanel runId={activeRunId} suiteName={suiteName} canManage={canManage} />
          </div>
        )}
        <div>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-neutral-500 uppercase">Runs</h3>
          {runs.isPending ? (
            <SkeletonRows rows={3} />
          ) : runs.isError ? (
            <Alert tone="error" title="Could not load the runs">
              {runs.error.message}
            </Alert>
          ) : runs.data.length === 0 ? (
            <EmptyState
              title="No discovery runs yet"
              hint={canManage ? "Run discovery to measure this model; until then its profile is the seed estimate and what tasks taught it." : "An admin can run discovery to measure this model."}
              data-testid="discovery-runs-empty"
            />
          ) : (
            <div className="overflow-hidden rounded-lg border border-neutral-100">
              <PastRuns runs={runs.data} activeRunId={activeRunId} onFollow={setSelected} suiteName={suiteName} canManage={canManage} />
            </div>
          )}
        </div>
      </CardBody>
    </Card>
  );
}

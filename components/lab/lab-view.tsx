"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useCan } from "@/components/shared/viewer";
import { Alert, Button, Card, CardBody, CardHeader, Meter, PageHeader, SelectField } from "@/components/ui";
import { LabChart } from "./lab-chart";
import { LabTable } from "./lab-table";
import { LabUpload } from "./lab-upload";
import { LabVerdict } from "./lab-verdict";

/** Poll twice a second while a run is in flight; the server advances one policy per tick. */
const POLL_MS = 500;

/** The routing lab page: pick a data set (or upload one), run the evaluation, read the chart, table and verdict. */
export function LabView() {
  const trpc = useTRPC();
  const canRun = useCan("operator");
  const datasets = useQuery(trpc.lab.datasets.queryOptions());
  const [dataset, setDataset] = useState<string>("");
  const [runId, setRunId] = useState<string | null>(null);
  const start = useMutation(trpc.lab.start.mutationOptions({ onSuccess: (r) => setRunId(r.runId) }));
  const run = useQuery({
    ...trpc.lab.get.queryOptions({ runId: runId ?? "00000000-0000-4000-8000-000000000000" }),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data?.status === "running" ? POLL_MS : false),
  });
  const chosen = dataset || datasets.data?.find((d) => !d.history)?.name || datasets.data?.[0]?.name || "";
  const current = run.data;
  const report = current?.report;

  return (
    <div className="space-y-6">
      <PageHeader title="Routing lab" description="Replay routing policies on recorded outcomes, on items the tuning never saw, before trusting them." />
      <Card>
        <CardHeader title="Data set" />
        <CardBody className="space-y-4">
          <SelectField
            id="lab-dataset"
            label="Evaluate"
            value={chosen}
            onChange={(e) => setDataset(e.target.value)}
            options={(datasets.data ?? []).map((d) => ({ value: d.name, label: `${d.history ? "Ensemble history" : d.name} (${d.items} items, ${d.models} models)` }))}
          />
          {canRun ? (
            <Button data-testid="lab-run" disabled={!chosen || start.isPending || current?.status === "running"} onClick={() => start.mutate({ dataset: chosen })}>
              Run evaluation
            </Button>
          ) : (
            <p className="text-sm text-neutral-500" data-testid="needs-role">
              Operators and admins can run evaluations.
            </p>
          )}
          {start.error && <Alert tone="error">{start.error.message}</Alert>}
          {current?.status === "running" && (
            <div data-testid="lab-progress" className="space-y-1">
              <Meter value={current.progress.done / Math.max(1, current.progress.total)} label="Evaluation progress" />
              <p className="text-xs text-neutral-500">
                {current.progress.done}/{current.progress.total} · {current.progress.label}
              </p>
            </div>
          )}
          {current?.status === "failed" && <Alert tone="error" title="The evaluation failed">{current.error}</Alert>}
        </CardBody>
      </Card>
      {report && current && (
        <Card>
          <CardHeader title={`Results: ${current.dataset}`} description={current.elapsedMs !== undefined ? `${(current.elapsedMs / 1000).toFixed(1)} s` : undefined} />
          <CardBody className="space-y-6">
            <LabVerdict report={report} />
            <LabChart report={report} />
            <LabTable report={report} />
          </CardBody>
        </Card>
      )}
      {canRun && (
        <Card>
          <CardHeader title="Import a data set" description="Three files in the replay format (see the README: items.jsonl, outcomes.jsonl, models.json)." />
          <CardBody>
            <LabUpload onImported={setDataset} />
          </CardBody>
        </Card>
      )}
    </div>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useCan } from "@/components/shared/viewer";
import { Alert, Button, Card, CardBody, CardHeader, EmptyState, PageHeader, SelectField } from "@/components/ui";
import { LabChart } from "./lab-chart";
import { LabLearning } from "./lab-learning";
import { LabProgress } from "./lab-progress";
import { LabRuns } from "./lab-runs";
import { LabShadow } from "./lab-shadow";
import { LabStanding } from "./lab-standing";
import { LabTable } from "./lab-table";
import { LabUpload } from "./lab-upload";
import { LabVerdict } from "./lab-verdict";
import type { LabRunView } from "./types";

/** Below this many items the server refuses a run (services/lab.ts MIN_LAB_ITEMS); the page says so first. */
const MIN_ITEMS = 4;
const NO_RUN = "00000000-0000-4000-8000-000000000000";

/** The routing lab page: pick a source (an imported data set or Ensemble's own history), run, follow it live, read the report. */
export function LabView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canRun = useCan("operator");
  const datasets = useQuery(trpc.lab.datasets.queryOptions());
  const [dataset, setDataset] = useState<string>("");
  const [runId, setRunId] = useState<string | null>(null);
  const [live, setLive] = useState<LabRunView | null>(null);
  const start = useMutation(
    trpc.lab.start.mutationOptions({
      onSuccess: (r) => {
        setLive(null);
        setRunId(r.runId);
      },
    }),
  );
  // the stored run (a reopened one, or the report once the stream says it is done)
  const stored = useQuery({ ...trpc.lab.get.queryOptions({ runId: runId ?? NO_RUN }), enabled: runId !== null });
  const streaming = runId !== null && (live?.id !== runId || live.status === "running") && stored.data?.status !== "complete" && stored.data?.status !== "failed";
  useSubscription(
    trpc.lab.watch.subscriptionOptions(
      { runId: runId ?? NO_RUN },
      {
        enabled: streaming,
        onData: (event) => setLive(event.data),
      },
    ),
  );
  const current = live?.id === runId && live ? live : stored.data;
  useEffect(() => {
    if (current?.status === "complete" || current?.status === "failed") void queryClient.invalidateQueries({ queryKey: trpc.lab.runs.queryKey() });
  }, [current?.status, queryClient, trpc]);

  const options = datasets.data ?? [];
  const chosen = dataset || options.find((d) => !d.history)?.name || options[0]?.name || "";
  const source = options.find((d) => d.name === chosen);
  const tooSmall = source !== undefined && source.items < MIN_ITEMS;
  const report = current?.report;

  return (
    <div className="space-y-6">
      <PageHeader title="Routing lab" description="Replay routing policies on recorded outcomes, on items the tuning never saw, before trusting them." />
      <Card>
        <CardHeader title="Source" />
        <CardBody className="space-y-4">
          <SelectField
            id="lab-dataset"
            label="Evaluate"
            value={chosen}
            onChange={(e) => setDataset(e.target.value)}
            options={options.map((d) => ({ value: d.name, label: `${d.history ? "Ensemble history (tasks answered by 2+ models)" : d.name} — ${d.items} items, ${d.models} models` }))}
          />
          {source?.history && tooSmall && (
            <EmptyState
              data-testid="lab-history-empty"
              title={`Ensemble's history has ${source.items} input${source.items === 1 ? "" : "s"} answered by two or more models`}
              hint={`The lab needs at least ${MIN_ITEMS}. Run vote or mixture tasks, or turn on shadow evaluation below, and come back.`}
            />
          )}
          {canRun ? (
            <Button data-testid="lab-run" disabled={!chosen || tooSmall || start.isPending || current?.status === "running"} onClick={() => start.mutate({ dataset: chosen })}>
              Run evaluation
            </Button>
          ) : (
            <p className="text-sm text-neutral-500" data-testid="needs-role">
              Operators and admins can run evaluations.
            </p>
          )}
          {start.error && <Alert tone="error">{start.error.message}</Alert>}
          {current && <LabProgress run={current} />}
        </CardBody>
      </Card>
      {report && current && (
        <Card>
          <CardHeader title={`Results: ${current.dataset}`} description={current.elapsedMs !== undefined ? `${(current.elapsedMs / 1000).toFixed(1)} s` : undefined} />
          <CardBody className="space-y-6">
            <LabVerdict report={report} />
            <LabStanding report={report} />
            <LabChart report={report} />
            <LabTable report={report} />
            <section className="space-y-2">
              <h3 className="text-sm font-semibold text-neutral-900">How fast each policy learns cold models</h3>
              <LabLearning report={report} />
            </section>
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader title="Runs" description="Every evaluation is stored; reopen one to read its report." />
        <CardBody>
          <LabRuns openId={runId} onOpen={(id) => setRunId(id)} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Shadow evaluation" description="Send a sampled share of completed tasks to a second model in the background, grade agreement, and grow the history data set." />
        <CardBody>
          <LabShadow />
        </CardBody>
      </Card>
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

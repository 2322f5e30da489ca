"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useReducer, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { formatInt, humanize } from "@/components/shared/format";
import { LocalTime } from "@/components/shared/local-time";
import { Alert, Button, Skeleton } from "@/components/ui";
import { LiveCapabilities } from "./live-capabilities";
import { ProgressBar } from "./progress-bar";
import { RunIssues } from "./run-issues";
import { applyDiscoveryUpdate, initialLiveState, progressFraction } from "./run-progress";
import { RunResult } from "./run-result";
import { RunStatusBadge } from "./run-status-badge";
import type { DiscoveryRun } from "./types";
import { useRunFinished } from "./use-run-finished";

function CancelRun({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.discovery.cancel.mutationOptions());
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" pending={cancel.isPending} disabled={cancel.isSuccess} onClick={() => cancel.mutate({ runId })} data-testid="discovery-cancel">
        {cancel.isSuccess ? "Cancelling…" : "Cancel"}
      </Button>
      {cancel.error && <p className="text-xs text-rose-600">{cancel.error.message}</p>}
    </div>
  );
}

/** One run, live: the progress bar, each capability's estimate, broken items and errors; the result once it ends. */
function LiveRun({ run, suiteName, canManage }: { run: DiscoveryRun; suiteName: string | null; canManage: boolean }) {
  const trpc = useTRPC();
  const finished = useRunFinished(run.id, run.modelId);
  const [state, dispatch] = useReducer(applyDiscoveryUpdate, run, initialLiveState);
  // the stored run wins once it has ended (a finish the stream missed, a page opened later)
  const status = run.status !== "running" ? run.status : state.status;
  const running = status === "running";

  const subscription = useSubscription(
    trpc.discovery.watch.subscriptionOptions(
      { runId: run.id },
      {
        enabled: running,
        onData: dispatch,
      },
    ),
  );

  // when the run ends while we watch (stream or refresh, whichever tells first), what it changed refetches once
  const watchedRunning = useRef(running);
  useEffect(() => {
    if (running) watchedRunning.current = true;
    else if (watchedRunning.current) {
      watchedRunning.current = false;
      void finished();
    }
  }, [running, finished]);

  const fraction = status === "complete" ? 1 : progressFraction(state);
  const scope = suiteName ? `suite “${suiteName}”` : run.capabilities.length === 12 ? "all 12 capabilities" : run.capabilities.map(humanize).join(", ");

  return (
    <div className="space-y-4">
      <section data-testid="discovery-progress" data-status={status} data-run-id={run.id} aria-live="polite" className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <RunStatusBadge status={status} data-testid="discovery-status" />
              <span className="text-sm font-medium text-neutral-900">{scope}</span>
            </div>
            <p className="mt-0.5 text-xs text-neutral-500">
              <span className="font-mono">{run.id}</span> · started <LocalTime ms={run.startedAt} />
            </p>
          </div>
          {running && canManage && <CancelRun runId={run.id} />}
        </div>
        <div>
          <ProgressBar
            fraction={fraction}
            label="Discovery progress"
            tone={status === "failed" ? "rose" : status === "cancelled" ? "amber" : status === "complete" ? "emerald" : "indigo"}
          />
          <p className="mt-1 text-xs text-neutral-600 tabular-nums" data-testid="discovery-items">
            {formatInt(state.itemsDone)} items graded
            {state.itemsTotal > 0 && running && ` of at most ${formatInt(state.itemsTotal)}`}
            {(running || status === "complete") && ` (${Math.round(fraction * 100)}%)`}
            {status === "cancelled" && " before it was cancelled"}
            {status === "failed" && " before it failed"}
            {running && state.itemsTotal > 0 && <span className="text-neutral-500"> · the total shrinks as capabilities settle early</span>}
          </p>
        </div>
        {running && subscription.error && (
          <Alert tone="warning">Live updates were interrupted ({subscription.error.message}); reconnecting. The panel also refreshes every few seconds.</Alert>
        )}
        {(running || !run.result) && <LiveCapabilities capabilities={state.capabilities} running={running} />}
        {(running || !run.result) && <RunIssues issues={state.issues} />}
      </section>
      {!running &&
        (run.status === "running" ? (
          <div aria-busy="true">
            <span className="sr-only">Loading the result…</span>
            <Skeleton className="h-32" />
          </div>
        ) : (
          <RunResult run={run} />
        ))}
      {!running && run.result && <RunIssues issues={state.issues} />}
    </div>
  );
}

/** Loads a run (refreshing it every few seconds while it runs, in case the live stream drops) and shows it. */
export function RunPanel({ runId, suiteName, canManage }: { runId: string; suiteName: (id: string | null) => string | null; canManage: boolean }) {
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.discovery.get.queryOptions({ runId }),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 5000 : false),
  });
  if (run.isPending) {
    return (
      <div aria-busy="true" className="space-y-3">
        <span className="sr-only">Loading the run…</span>
        <Skeleton className="h-5 w-64" />
        <Skeleton className="h-2.5" />
        <Skeleton className="h-24" />
      </div>
    );
  }
  if (run.isError) {
    return (
      <Alert tone="error" title="Could not load this discovery run" data-testid="discovery-run-error">
        {run.error.message}
      </Alert>
    );
  }
  return <LiveRun key={run.data.id} run={run.data} suiteName={suiteName(run.data.suiteId)} canManage={canManage} />;
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { ChainGraph } from "@/components/chain/chain-graph";
import { useTRPC } from "@/components/providers/trpc";
import { useCan } from "@/components/shared/viewer";
import { Alert, Card, CardBody, CardHeader, ErrorBoundary, Scroller, Skeleton, SkeletonRows } from "@/components/ui";
import { currentStream } from "../live-output";
import { useTaskStream } from "../use-task-stream";
import { outcomeBanner } from "./outcome-banner";
import { RequirementsPanel } from "./requirements-panel";
import { RoutingExplanation } from "./routing-explanation";
import { StepsTable } from "./steps-table";
import { TaskHeader } from "./task-header";
import { TaskFeedback } from "./task-feedback";
import { TaskMetrics } from "./task-metrics";
import { TaskOutputPanel } from "./task-output-panel";

function DetailSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading task…</span>
      <Skeleton className="mb-3 h-5 w-24" />
      <Skeleton className="mb-6 h-7 w-2/3" />
      <Skeleton className="mb-4 h-20" />
      <SkeletonRows rows={6} />
    </div>
  );
}

/** One task, live: status, output as it streams, the chain, why each model was picked, and every step. */
export function TaskDetailView({ taskId }: { taskId: string }) {
  const trpc = useTRPC();
  const taskQuery = useQuery(trpc.tasks.get.queryOptions({ id: taskId }));
  const models = useQuery(trpc.models.list.queryOptions());
  const canRate = useCan("operator");
  const task = taskQuery.data;
  const active = task?.status === "queued" || task?.status === "running";
  const { live, error: streamError } = useTaskStream(taskId, Boolean(active));

  const byId = useMemo(() => new Map((models.data ?? []).map((m) => [m.id, m])), [models.data]);
  const modelName = useCallback((id: string) => byId.get(id)?.name ?? id, [byId]);
  const isSimulated = useCallback((id: string) => byId.get(id)?.isSimulated ?? false, [byId]);

  if (taskQuery.isPending) return <DetailSkeleton />;
  if (taskQuery.isError || !task) {
    return (
      <Alert tone="error" title="Could not load this task" data-testid="task-load-error">
        {taskQuery.error?.message ?? "Unknown error"}
      </Alert>
    );
  }

  const banner = outcomeBanner(task, live.error);
  return (
    <div data-testid="task-detail" data-task-id={task.id}>
      <TaskHeader task={task} />

      {banner && (
        <Alert tone={banner.tone} title={banner.title} className="mb-6" data-testid={banner.testId}>
          <span className={banner.mono ? "font-mono text-[13px] whitespace-pre-wrap" : undefined}>{banner.message}</span>
        </Alert>
      )}
      {streamError && active && (
        <Alert tone="warning" className="mb-6">
          Live updates were interrupted ({streamError.message}); reconnecting. Reload the page if the task seems stuck.
        </Alert>
      )}

      <div className="space-y-6">
        <TaskMetrics task={task} modelName={modelName} isSimulated={isSimulated} />
        {/* full width: a chain is wide (input, a column per stage, result), and a third column would squeeze it out of view */}
        <Card>
          <CardHeader title="Chain" description="How the models were connected. Click a node for its messages." />
          <CardBody>
            <ErrorBoundary fallback={<p className="text-sm text-neutral-500">The chain graph could not be drawn.</p>}>
              <ChainGraph task={task} liveEvents={live.events} />
            </ErrorBoundary>
          </CardBody>
        </Card>

        <div className="grid gap-6 xl:grid-cols-3">
          <div className="min-w-0 space-y-6 xl:col-span-2">
            <TaskOutputPanel
              status={task.status}
              finalOutput={task.output}
              stream={currentStream(live)}
              modelName={modelName}
              footer={canRate && task.status === "completed" && task.modelId ? <TaskFeedback taskId={task.id} /> : undefined}
            />
            <RoutingExplanation plan={task.plan} modelName={modelName} task={task} />
            <StepsTable steps={task.steps} modelName={modelName} task={task} />
          </div>
          <div className="min-w-0 space-y-6">
            <RequirementsPanel requirements={task.requirements} constraints={task.constraints} task={task} />
            <Card>
              <CardHeader title="Prompt" />
              <CardBody>
                <Scroller axis="y" label="Prompt (scrolls)" className="max-h-80">
                  <pre className="font-sans text-sm break-words whitespace-pre-wrap text-neutral-800" data-testid="task-prompt">
                    {task.prompt}
                  </pre>
                </Scroller>
              </CardBody>
            </Card>
          </div>
        </div>
      </div>
    </div>
  );
}

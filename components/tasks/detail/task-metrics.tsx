import type { ReactNode } from "react";
import type { TaskDetail } from "@/components/shared/api-types";
import { formatMs, formatTokens, formatUsd } from "@/components/shared/format";
import { SimulatedBadge } from "@/components/models/simulated-badge";
import { Card, CardBody } from "@/components/ui";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-neutral-900 tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function isEnded(task: TaskDetail): boolean {
  return task.status === "completed" || task.status === "failed" || task.status === "cancelled";
}

/** Totals so far: from the task once it is done, summed over its steps while it runs. */
function totals(task: TaskDetail) {
  if (isEnded(task)) return { inputTokens: task.inputTokens, outputTokens: task.outputTokens, costUsd: task.costUsd, latencyMs: task.latencyMs };
  return {
    inputTokens: task.steps.reduce((s, x) => s + x.inputTokens, 0),
    outputTokens: task.steps.reduce((s, x) => s + x.outputTokens, 0),
    costUsd: task.steps.reduce((s, x) => s + x.costUsd, 0),
    latencyMs: null,
  };
}

/** The chosen model and what the task cost: tokens, dollars, time. */
export function TaskMetrics({ task, modelName, isSimulated }: { task: TaskDetail; modelName: (id: string) => string; isSimulated: (id: string) => boolean }) {
  const t = totals(task);
  const leadModel = task.modelId;
  return (
    <Card>
      <CardBody>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          <div className="col-span-2 sm:col-span-1">
            <dt className="text-xs text-neutral-500">Model</dt>
            <dd className="mt-0.5 flex flex-wrap items-center gap-1.5 text-sm font-medium text-neutral-900">
              <span data-testid="task-model" data-model-id={leadModel ?? ""}>
                {leadModel ? modelName(leadModel) : <span className="font-normal text-neutral-500">{isEnded(task) ? "none" : "choosing…"}</span>}
              </span>
              {leadModel && isSimulated(leadModel) && <SimulatedBadge />}
            </dd>
            {task.plan && task.plan.steps.length > 1 && (
              <dd className="mt-0.5 text-xs text-neutral-500">
                first of {task.plan.steps.length} planned ({task.plan.strategy})
              </dd>
            )}
          </div>
          <Fact label="Tokens in / out" testId="task-tokens">
            {formatTokens(t.inputTokens)} / {formatTokens(t.outputTokens)}
          </Fact>
          <Fact label="Cost" testId="task-cost">
            {formatUsd(t.costUsd)}
          </Fact>
          <Fact label="Latency" testId="task-latency">
            {formatMs(t.latencyMs)}
          </Fact>
          <Fact label="Steps">{task.steps.length}</Fact>
        </dl>
      </CardBody>
    </Card>
  );
}

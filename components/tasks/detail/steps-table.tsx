import { stepNumber } from "@/components/chain/format";
import type { TaskStep } from "@/components/shared/api-types";
import { formatMs, formatTokens, formatUsd } from "@/components/shared/format";
import { Badge, Card, CardHeader, Table, TBody, Td, Th, THead, Tr, type BadgeTone } from "@/components/ui";
import { PanelEmptyState } from "./panel-empty-state";
import { stepsEmptyCopy, type TaskOutcome } from "./panel-empty";
import { stepDisplayStatus, type StepDisplayStatus } from "@/components/shared/step-status";

// cancelled in amber, as the task's own status badge shows it: someone stopped it, nothing broke
const STEP_TONE: Record<StepDisplayStatus, BadgeTone> = { running: "sky", completed: "green", failed: "red", cancelled: "amber" };

/** Every model call of the task, in order, with its cost, latency and error. */
export function StepsTable({ steps, modelName, task }: { steps: readonly TaskStep[]; modelName: (id: string) => string; task: TaskOutcome }) {
  return (
    <Card>
      <CardHeader title="Steps" description="Each model call, as it ran." />
      {steps.length === 0 ? (
        <div className="p-5">
          <PanelEmptyState copy={stepsEmptyCopy(task)} originTaskId={task.cachedFromTaskId} />
        </div>
      ) : (
        <Table data-testid="steps-table">
          <THead>
            <Tr>
              <Th>#</Th>
              <Th>Role</Th>
              <Th>Model</Th>
              <Th>Status</Th>
              <Th className="text-right">Tokens in / out</Th>
              <Th className="text-right">Cost</Th>
              <Th className="text-right">Latency</Th>
              <Th>Error</Th>
            </Tr>
          </THead>
          <TBody>
            {steps.map((step) => {
              const status = stepDisplayStatus(step, task.status);
              return (
                <Tr key={step.id} data-testid="step-row" data-status={status}>
                  <Td className="font-mono text-xs text-neutral-500">{stepNumber(step.stepIndex)}</Td>
                  <Td>{step.role}</Td>
                  <Td className="whitespace-nowrap">{modelName(step.modelId)}</Td>
                  <Td>
                    <Badge tone={STEP_TONE[status]} pulse={status === "running"}>
                      {status}
                    </Badge>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatTokens(step.inputTokens)} / {formatTokens(step.outputTokens)}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatUsd(step.costUsd)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums" title={step.firstTokenMs !== null ? `first token after ${formatMs(step.firstTokenMs)}` : undefined}>
                    {formatMs(step.latencyMs)}
                  </Td>
                  {/* the badge already says a cut step was cancelled: its "error" is no fault */}
                  <Td className="max-w-xs text-xs break-words text-rose-700">{status === "cancelled" ? "" : (step.error ?? "")}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

import { stepNumber } from "@/components/chain/format";
import type { TaskStep } from "@/components/shared/api-types";
import { formatMs, formatTokens, formatUsd } from "@/components/shared/format";
import { Badge, Card, CardHeader, EmptyState, Table, TBody, Td, Th, THead, Tr, type BadgeTone } from "@/components/ui";

const STEP_TONE: Record<TaskStep["status"], BadgeTone> = { running: "sky", completed: "green", failed: "red" };

/** Every model call of the task, in order, with its cost, latency and error. */
export function StepsTable({ steps, modelName, ended }: { steps: readonly TaskStep[]; modelName: (id: string) => string; ended: boolean }) {
  return (
    <Card>
      <CardHeader title="Steps" description="Each model call, as it ran." />
      {steps.length === 0 ? (
        <div className="p-5">
          {ended ? (
            <EmptyState title="No model was called" />
          ) : (
            <EmptyState title="No steps yet" hint="Steps appear as soon as the first model starts." />
          )}
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
            {steps.map((step) => (
              <Tr key={step.id} data-testid="step-row">
                <Td className="font-mono text-xs text-neutral-500">{stepNumber(step.stepIndex)}</Td>
                <Td>{step.role}</Td>
                <Td className="whitespace-nowrap">{modelName(step.modelId)}</Td>
                <Td>
                  <Badge tone={STEP_TONE[step.status]} pulse={step.status === "running"}>
                    {step.status}
                  </Badge>
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {formatTokens(step.inputTokens)} / {formatTokens(step.outputTokens)}
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatUsd(step.costUsd)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums" title={step.firstTokenMs !== null ? `first token after ${formatMs(step.firstTokenMs)}` : undefined}>
                  {formatMs(step.latencyMs)}
                </Td>
                <Td className="max-w-xs text-xs break-words text-rose-700">{step.error ?? ""}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

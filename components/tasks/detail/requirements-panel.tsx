import type { TaskConstraints, TaskRequirements } from "@/server/orchestrator/spec";
import { prepareRequirementBars } from "@/components/charts/prepare-requirement-bars";
import { formatInt, formatMs, formatPercent, formatUsdLimit, humanize } from "@/components/shared/format";
import { Badge, Card, CardBody, CardHeader, Meter } from "@/components/ui";
import { PanelEmptyState } from "./panel-empty-state";
import { requirementsEmptyCopy, type TaskOutcome } from "./panel-empty";

function ConstraintList({ constraints }: { constraints: TaskConstraints }) {
  const items = [
    constraints.maxCostUsd !== undefined && `cost ≤ ${formatUsdLimit(constraints.maxCostUsd)}`,
    constraints.maxLatencyMs !== undefined && `latency ≤ ${formatMs(constraints.maxLatencyMs)}`,
    constraints.minQuality !== undefined && `quality ≥ ${constraints.minQuality}`,
  ].filter((x): x is string => Boolean(x));
  return items.length ? <span>{items.join(" · ")}</span> : <span className="text-neutral-500">none</span>;
}

/** What the analyzer found the task needs: the primary capability, the format, and the weight of each capability. */
export function RequirementsPanel({
  requirements,
  constraints,
  task,
}: {
  requirements: TaskRequirements | null;
  constraints: TaskConstraints;
  task: TaskOutcome;
}) {
  if (!requirements) {
    return (
      <Card>
        <CardHeader title="Requirements" />
        <CardBody>
          <PanelEmptyState copy={requirementsEmptyCopy(task)} originTaskId={task.cachedFromTaskId} />
        </CardBody>
      </Card>
    );
  }
  const bars = prepareRequirementBars(requirements.capabilities, requirements.primary);
  return (
    <Card data-testid="requirements">
      <CardHeader title="Requirements" description={`Analyser confidence ${formatPercent(requirements.confidence)}`} />
      <CardBody className="space-y-4">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
          <div>
            <dt className="text-xs text-neutral-500">Primary capability</dt>
            <dd className="mt-0.5">
              <Badge tone="blue" data-testid="task-primary-capability">
                {requirements.primary}
              </Badge>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-neutral-500">Output format</dt>
            <dd className="mt-0.5 font-medium text-neutral-800">{requirements.format}</dd>
          </div>
          <div>
            <dt className="text-xs text-neutral-500">Input tokens</dt>
            <dd className="mt-0.5 tabular-nums">{formatInt(requirements.inputTokens)}</dd>
          </div>
          <div>
            <dt className="text-xs text-neutral-500">Context needed</dt>
            <dd className="mt-0.5 tabular-nums">{formatInt(requirements.contextTokens)}</dd>
          </div>
          <div className="col-span-2">
            <dt className="text-xs text-neutral-500">Constraints</dt>
            <dd className="mt-0.5 text-neutral-800">
              <ConstraintList constraints={{ ...constraints, ...requirements.constraints }} />
            </dd>
          </div>
        </dl>

        <div>
          <h3 className="mb-2 text-xs font-medium text-neutral-500">Capability weights</h3>
          <ul className="space-y-1.5">
            {bars.map((bar) => (
              <li key={bar.capability} className="grid grid-cols-[6.5rem_1fr_2.5rem] items-center gap-2 text-xs">
                <span className={bar.primary ? "font-semibold text-neutral-900" : "text-neutral-600"}>{humanize(bar.capability)}</span>
                <Meter value={bar.relative} label={`${bar.capability} weight`} barClassName={bar.primary ? "bg-indigo-600" : "bg-indigo-300"} />
                <span className="text-right font-mono tabular-nums text-neutral-500">{bar.weight.toFixed(2)}</span>
              </li>
            ))}
          </ul>
        </div>

        {requirements.evidence.length > 0 && (
          <details className="group text-xs">
            <summary className="cursor-pointer font-medium text-neutral-500 hover:text-neutral-800">
              Evidence ({requirements.evidence.length})
            </summary>
            <ul className="mt-2 space-y-1 text-neutral-600">
              {requirements.evidence.map((e, i) => (
                <li key={`${e.feature}-${i}`}>
                  <span className="font-mono text-neutral-500">{e.feature}</span> {e.detail}
                </li>
              ))}
            </ul>
          </details>
        )}
      </CardBody>
    </Card>
  );
}

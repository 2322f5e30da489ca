import type { ModelChain } from "@/server/orchestrator/spec";
import { omittedSentence, prepareCandidateRows } from "@/components/charts/prepare-candidate-rows";
import { formatComponent, formatSigned, humanize } from "@/components/shared/format";
import { Badge, Card, CardBody, CardHeader, Meter, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { PanelEmptyState } from "./panel-empty-state";
import { planEmptyCopy, type TaskOutcome } from "./panel-empty";

function OmittedNote({ omitted }: { omitted: Record<string, number> | undefined }) {
  const sentence = omittedSentence(omitted);
  return sentence && <p className="mt-3 text-xs text-neutral-500">{sentence}</p>;
}

function ComponentList({ terms, inputs }: { terms: Array<{ name: string; value: number }>; inputs: Array<{ name: string; value: number }> }) {
  return (
    <div className="max-w-md text-[11px]">
      <div className="flex flex-wrap gap-1">
        {terms.map((t) => (
          <span
            key={t.name}
            className={t.value < 0 ? "rounded bg-rose-50 px-1.5 py-0.5 font-mono text-rose-700" : "rounded bg-emerald-50 px-1.5 py-0.5 font-mono text-emerald-800"}
          >
            {t.name} {formatSigned(t.value)}
          </span>
        ))}
      </div>
      {inputs.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-neutral-500 hover:text-neutral-800">{inputs.length} inputs</summary>
          <dl className="mt-1 grid grid-cols-[auto_auto] justify-start gap-x-3 font-mono text-neutral-600">
            {inputs.map((i) => (
              <div key={i.name} className="contents">
                <dt className="text-neutral-500">{i.name}</dt>
                <dd>{formatComponent(i.name, i.value)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}

/** "Why this model": the planner's summary and every candidate with its score, components and verdict. */
export function RoutingExplanation({ plan, modelName, task }: { plan: ModelChain | null; modelName: (id: string) => string; task: TaskOutcome }) {
  if (!plan) {
    return (
      <Card>
        <CardHeader title="Why this model" />
        <CardBody>
          <PanelEmptyState copy={planEmptyCopy(task)} originTaskId={task.cachedFromTaskId} />
        </CardBody>
      </Card>
    );
  }
  const rolesOf = (modelId: string) => [...new Set(plan.steps.filter((s) => s.modelId === modelId).map((s) => s.role))].join(", ");
  const rows = prepareCandidateRows(
    plan.explanation.candidates,
    plan.steps.map((s) => s.modelId),
    modelName,
  );
  return (
    <Card data-testid="routing-explanation">
      <CardHeader
        title="Why this model"
        description={
          <>
            {humanize(plan.strategy)} strategy · {plan.explanation.policy} policy · {plan.steps.length} step{plan.steps.length === 1 ? "" : "s"}
          </>
        }
      />
      <CardBody className="space-y-4">
        <p className="text-sm text-neutral-700" data-testid="routing-summary">
          {plan.explanation.summary}
        </p>
        {plan.steps.length > 1 && (
          <ol className="flex flex-wrap gap-2 text-xs">
            {plan.steps.map((step, i) => (
              <li key={`${step.role}-${i}`} className="rounded-md bg-neutral-100 px-2 py-1 text-neutral-700">
                <span className="text-neutral-600">{i + 1}.</span> {step.role}: <span className="font-medium">{modelName(step.modelId)}</span>
              </li>
            ))}
          </ol>
        )}
        {rows.length === 0 ? (
          <p className="text-sm text-neutral-500">The planner recorded no candidates.</p>
        ) : (
          <div className="-mx-5">
            <Table data-testid="candidates-table">
              <THead>
                <Tr>
                  <Th>Model</Th>
                  <Th>Score</Th>
                  <Th>Components</Th>
                  <Th>Verdict</Th>
                </Tr>
              </THead>
              <TBody>
                {rows.map((row) => (
                  <Tr key={row.modelId} data-testid="candidate-row" className={row.rejected ? "bg-neutral-50/60" : undefined}>
                    {/* the name and its roles wrap onto two lines rather than push the verdict out of the card */}
                    <Td>
                      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <span className={row.rejected ? "whitespace-nowrap text-neutral-500" : "font-medium whitespace-nowrap text-neutral-900"}>{row.modelName}</span>
                        {row.chosen && <Badge tone="green">{rolesOf(row.modelId) || "chosen"}</Badge>}
                      </div>
                      <span className="font-mono text-[11px] whitespace-nowrap text-neutral-500">{row.modelId}</span>
                    </Td>
                    <Td className="w-40 whitespace-nowrap">
                      <div className="flex items-center gap-2">
                        <span className="w-10 text-right font-mono text-xs tabular-nums">{row.score.toFixed(3)}</span>
                        {!row.rejected && <Meter value={row.relative} label={`${row.modelName} score relative to the best`} className="w-20" />}
                      </div>
                    </Td>
                    <Td className="min-w-[12rem]">
                      <ComponentList terms={row.terms} inputs={row.inputs} />
                    </Td>
                    <Td className="min-w-[10rem] text-xs break-words" data-testid="candidate-verdict">
                      {row.rejected ? (
                        <span className="text-rose-700">Rejected: {row.rejected}</span>
                      ) : (
                        <span className="text-neutral-600">{row.reason ?? (row.rank ? `#${row.rank}` : "")}</span>
                      )}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
        )}
        <OmittedNote omitted={plan.explanation.omitted} />
      </CardBody>
    </Card>
  );
}

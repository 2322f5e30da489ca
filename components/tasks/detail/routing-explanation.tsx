import type { ModelChain } from "@/server/orchestrator/spec";
import { prepareCandidateRows } from "@/components/charts/prepare-candidate-rows";
import { humanize } from "@/components/shared/format";
import { Badge, Card, CardBody, CardHeader, EmptyState, Meter, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";

function OmittedNote({ omitted }: { omitted: Record<string, number> | undefined }) {
  const entries = Object.entries(omitted ?? {}).filter(([, n]) => n > 0);
  if (!entries.length) return null;
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return (
    <p className="mt-3 text-xs text-neutral-500">
      {total} more model{total === 1 ? "" : "s"} not listed: {entries.map(([why, n]) => `${n} ${why}`).join(", ")}.
    </p>
  );
}

/** "Why this model": the planner's summary and every candidate with its score, components and verdict. */
export function RoutingExplanation({ plan, modelName }: { plan: ModelChain | null; modelName: (id: string) => string }) {
  if (!plan) {
    return (
      <Card>
        <CardHeader title="Why this model" />
        <CardBody>
          <EmptyState title="No plan yet" hint="The plan appears once the task has been analysed." />
        </CardBody>
      </Card>
    );
  }
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
                <span className="text-neutral-400">{i + 1}.</span> {step.role}: <span className="font-medium">{modelName(step.modelId)}</span>
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
                  <Th className="pl-5">Model</Th>
                  <Th>Score</Th>
                  <Th>Components</Th>
                  <Th className="pr-5">Verdict</Th>
                </Tr>
              </THead>
              <TBody>
                {rows.map((row) => (
                  <Tr key={row.modelId} data-testid="candidate-row" className={row.rejected ? "bg-neutral-50/60" : undefined}>
                    <Td className="pl-5 whitespace-nowrap">
                      <div className="flex items-center gap-2">
                        <span className={row.rejected ? "text-neutral-500" : "font-medium text-neutral-900"}>{row.modelName}</span>
                        {row.chosen && <Badge tone="green">chosen</Badge>}
                      </div>
                      <span className="font-mono text-[11px] text-neutral-400">{row.modelId}</span>
                    </Td>
                    <Td className="w-40">
                      <div className="flex items-center gap-2">
                        <span className="w-10 text-right font-mono text-xs tabular-nums">{row.score.toFixed(3)}</span>
                        {!row.rejected && <Meter value={row.relative} label={`${row.modelName} score relative to the best`} className="w-20" />}
                      </div>
                    </Td>
                    <Td>
                      <div className="flex max-w-md flex-wrap gap-1">
                        {row.components.map((c) => (
                          <span key={c.name} className="rounded bg-neutral-100 px-1.5 py-0.5 font-mono text-[11px] text-neutral-600">
                            {c.name} {c.value.toFixed(2)}
                          </span>
                        ))}
                      </div>
                    </Td>
                    <Td className="pr-5 text-xs">
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

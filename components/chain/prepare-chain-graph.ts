import { stepDisplayStatus } from "@/components/shared/step-status";
import { isTerminal, newStep, reduceChainRun, type ChainRun } from "./chain-run";
import { matchPlan, maxRows, placeSlots, positionOf, resultColumn, type PlacedSlot } from "./chain-layout";
import type {
  ChainEdge,
  ChainGraphModel,
  ChainMessage,
  ChainNode,
  ChainTaskSource,
  InputDetail,
  LiveChainEvent,
  ResultDetail,
  StepDetail,
} from "./types";

export const stepNodeId = (stepIndex: number) => `step:${stepIndex}`;
export const planNodeId = (planIndex: number) => `plan:${planIndex}`;

/** Model id → display name; unknown ids stay as they are. */
export type ModelName = (modelId: string) => string;

const ID_AS_NAME: ModelName = (id) => id;

function toDetail(slot: PlacedSlot, run: ChainRun, messages: readonly ChainMessage[], modelName: ModelName): StepDetail {
  const step = slot.run;
  if (!step) {
    // a slot without a run always comes from the plan (matchPlan only adds slots for runs)
    const nodeId = planNodeId(slot.planIndex ?? 0);
    // an open circuit breaker skipped this model: say so rather than "not needed"
    const refusal = run.refusals.find((r) => r.fromModelId === slot.modelId);
    return {
      ...newStep(0, slot.modelId, slot.role),
      kind: "step",
      nodeId,
      modelName: modelName(slot.modelId),
      stepIndex: null,
      planIndex: slot.planIndex,
      error: refusal?.reason ?? null,
      status: refusal || isTerminal(run.status) ? "skipped" : "pending",
      incoming: [],
      outgoing: [],
    };
  }
  const nodeId = stepNodeId(step.stepIndex);
  return {
    ...step,
    // a call cut short by the task's cancel reads as cancelled, as in the steps table
    status: stepDisplayStatus(step, run.status),
    kind: "step",
    nodeId,
    modelName: modelName(step.modelId),
    planIndex: slot.planIndex,
    incoming: messages.filter((m) => m.to === nodeId),
    outgoing: messages.filter((m) => m.from === nodeId),
  };
}

/**
 * One edge per (from, to, kind); messages to nodes that do not exist yet (sent just before step.started) wait.
 * The task prompt also reaches later-column steps (an aggregator, a critique); those edges cross the columns in
 * between, so they go quiet (unlabelled, faint) rather than print "prompt" over the steps they pass behind.
 */
function messageEdges(messages: readonly ChainMessage[], columns: ReadonlyMap<string, number>, running: ReadonlySet<string>): ChainEdge[] {
  const byKey = new Map<string, ChainEdge>();
  const firstStepColumn = Math.min(...[...columns].filter(([id]) => id !== "input" && id !== "result").map(([, c]) => c));
  for (const m of messages) {
    const fromColumn = columns.get(m.from);
    const toColumn = columns.get(m.to);
    if (fromColumn === undefined || toColumn === undefined) continue;
    const id = `${m.from}->${m.to}:${m.kind}`;
    const edge = byKey.get(id);
    if (edge?.data) {
      edge.data.count += 1;
      edge.data.tokens += m.tokens;
      continue;
    }
    const quiet = m.from === "input" && toColumn > firstStepColumn;
    const active = running.has(m.to) && !quiet;
    byKey.set(id, {
      id,
      source: m.from,
      target: m.to,
      ...(quiet ? {} : { label: m.kind }),
      animated: active,
      data: { variant: "message", kind: m.kind, count: 1, tokens: m.tokens, active, quiet },
    });
  }
  return [...byKey.values()];
}

interface Entry {
  slot: PlacedSlot;
  detail: StepDetail;
}

/**
 * Dashed edges that show the plan's shape around steps that have not started: into each pending step from the
 * live (not failed or skipped) nodes of the nearest earlier column, or from the input; out of it to the result
 * when no column comes after it.
 */
function plannedEdges(entries: readonly Entry[]): ChainEdge[] {
  const planned = (source: string, target: string): ChainEdge => ({
    id: `${source}->${target}:planned`,
    source,
    target,
    data: { variant: "planned", kind: null, count: 0, tokens: 0, active: false, quiet: false },
  });
  const usable = (e: Entry) => e.detail.status !== "failed" && e.detail.status !== "cancelled" && e.detail.status !== "skipped";
  return entries.flatMap(({ slot, detail }) => {
    if (detail.status !== "pending") return [];
    const earlier = entries.filter((e) => e.slot.column < slot.column);
    const previousColumn = Math.max(...earlier.map((e) => e.slot.column));
    const sources = earlier.length === 0 ? ["input"] : earlier.filter((e) => e.slot.column === previousColumn && usable(e)).map((e) => e.detail.nodeId);
    const edges = sources.map((source) => planned(source, detail.nodeId));
    if (!entries.some((e) => e.slot.column > slot.column)) edges.push(planned(detail.nodeId, "result"));
    return edges;
  });
}

function endpoints(task: ChainTaskSource, run: ChainRun, details: readonly StepDetail[]): { input: InputDetail; result: ResultDetail } {
  const done = details.filter((d) => d.status === "completed");
  const sum = (pick: (d: StepDetail) => number | null) => done.reduce((total, d) => total + (pick(d) ?? 0), 0);
  const intoResult = run.messages.filter((m) => m.to === "result");
  const lastAnswer = intoResult[intoResult.length - 1]?.content ?? null;
  return {
    input: {
      kind: "input",
      nodeId: "input",
      prompt: task.prompt,
      strategy: run.plan?.strategy ?? null,
      outgoing: run.messages.filter((m) => m.from === "input"),
    },
    result: {
      kind: "result",
      nodeId: "result",
      status: run.status,
      // the synthesised output lands in the task row; until the page refetches it, the answer sent to "result"
      output: task.output ?? (run.status === "completed" ? lastAnswer : null),
      error: run.error,
      inputTokens: sum((d) => d.inputTokens),
      outputTokens: sum((d) => d.outputTokens),
      costUsd: sum((d) => d.costUsd),
      incoming: intoResult,
      notes: run.notes,
      cached: task.events.some((e) => e.payload.type === "task.completed" && e.payload.cached === true),
    },
  };
}

/**
 * Shape a task (the `tasks.get` snapshot) plus the live events received since into React Flow nodes and edges
 * and the per-step detail the side panel shows. Pure: same inputs, same graph.
 * `modelName` labels the nodes with the roster's names (the ids stay on the detail for the panel and tooltips).
 */
export function prepareChainGraph(task: ChainTaskSource, liveEvents: readonly LiveChainEvent[], modelName: ModelName = ID_AS_NAME): ChainGraphModel {
  const run = reduceChainRun(task, liveEvents);
  const placed = placeSlots(matchPlan(run.plan?.steps ?? [], run.steps));
  const entries: Entry[] = placed.map((slot) => ({ slot, detail: toDetail(slot, run, run.messages, modelName) }));
  const details = entries.map((e) => e.detail);
  const { input, result } = endpoints(task, run, details);

  const lastColumn = resultColumn(placed);
  const rowsIn = new Map<number, number>();
  for (const slot of placed) rowsIn.set(slot.column, (rowsIn.get(slot.column) ?? 0) + 1);
  const nodes: ChainNode[] = [
    { id: "input", type: "chainEndpoint", position: positionOf(0, 0, 1), data: { endpoint: input } },
    ...entries.map(
      ({ slot, detail }): ChainNode => ({
        id: detail.nodeId,
        type: "chainStep",
        position: positionOf(slot.column, slot.row, rowsIn.get(slot.column) ?? 1),
        data: { step: detail },
      }),
    ),
    { id: "result", type: "chainEndpoint", position: positionOf(lastColumn, 0, 1), data: { endpoint: result } },
  ];

  const columns = new Map<string, number>([["input", 0], ["result", lastColumn]]);
  for (const { slot, detail } of entries) columns.set(detail.nodeId, slot.column);
  const running = new Set(details.filter((d) => d.status === "running").map((d) => d.nodeId));
  const edges = [...messageEdges(run.messages, columns, running), ...plannedEdges(entries)];
  const steps = Object.fromEntries(details.map((d) => [d.nodeId, d]));
  return { nodes, edges, steps, input, result, rows: maxRows(placed) };
}

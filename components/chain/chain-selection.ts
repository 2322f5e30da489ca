import { stepNumber } from "./format";
import type { ChainGraphModel, InputDetail, ResultDetail, StepDetail } from "./types";

export type SelectedDetail = StepDetail | InputDetail | ResultDetail;

/**
 * The detail for a clicked node id. A planned node that has since started ("plan:1" became "step:2") follows
 * its step, so the panel stays open on it.
 */
export function resolveSelection(model: ChainGraphModel, nodeId: string | null): SelectedDetail | null {
  if (nodeId === null) return null;
  if (nodeId === "input") return model.input;
  if (nodeId === "result") return model.result;
  const direct = model.steps[nodeId];
  if (direct) return direct;
  const planIndex = /^plan:(\d+)$/.exec(nodeId)?.[1];
  if (planIndex === undefined) return null;
  return Object.values(model.steps).find((s) => s.planIndex === Number(planIndex)) ?? null;
}

/** "input", "result", or "step 2 · Model Name" for message endpoints. */
export function nodeLabel(model: ChainGraphModel, nodeId: string): string {
  const step = model.steps[nodeId];
  if (step) return `${step.stepIndex === null ? "planned step" : `step ${stepNumber(step.stepIndex)}`} · ${step.modelName}`;
  return nodeId.replace(":", " ");
}

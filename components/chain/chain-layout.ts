import type { ChainStep } from "@/server/orchestrator/spec";
import type { StepRun } from "./chain-run";

/** A place in the graph for one step: a planned step (run or not yet) or a step added at run time. */
export interface Slot {
  planIndex: number | null;
  role: string;
  modelId: string;
  run: StepRun | null;
}

export interface PlacedSlot extends Slot {
  column: number;
  row: number;
}

export const COLUMN_WIDTH = 300;
export const ROW_HEIGHT = 160;

/** Columns by role stage: input (0) → answer/proposer/draft/voter → critique/verifier → aggregator/revise → result. */
const STAGE: Record<string, number> = {
  answer: 1,
  fallback: 1,
  proposer: 1,
  draft: 1,
  voter: 1,
  critique: 2,
  verifier: 2,
  aggregator: 3,
  revise: 3,
};

/**
 * Each started step takes the first unclaimed planned step with the same role and model (indexes are allocated
 * at run time, so plan position and step index differ once fallbacks, escalations or repeated verifiers run).
 * Steps the plan did not list (a second verifier pass, an extra escalation) are appended after the plan.
 */
export function matchPlan(plan: readonly ChainStep[], runs: readonly StepRun[]): Slot[] {
  const planned: Slot[] = plan.map((step, planIndex) => ({ planIndex, role: step.role, modelId: step.modelId, run: null }));
  const added: Slot[] = [];
  for (const run of runs) {
    const slot = planned.find((s) => s.run === null && s.role === run.role && s.modelId === run.modelId);
    if (slot) slot.run = run;
    else added.push({ planIndex: null, role: run.role, modelId: run.modelId, run });
  }
  return [...planned, ...added];
}

/**
 * Column by role stage; a pipeline's later critique/revise rounds move two columns right per earlier revise,
 * so draft → critique → revise → critique → revise reads left to right. Rows follow slot order per column.
 * Stages no step uses (a mixture has no critique) close up, so the chain is no wider than it has to be.
 */
export function placeSlots(slots: readonly Slot[]): PlacedSlot[] {
  let revisesSeen = 0;
  const stageColumns = slots.map((slot) => {
    const stage = STAGE[slot.role] ?? 1;
    const round = slot.role === "critique" || slot.role === "revise" ? revisesSeen : 0;
    if (slot.role === "revise") revisesSeen++;
    return stage + 2 * round;
  });
  const used = [...new Set(stageColumns)].sort((a, b) => a - b);
  const rowsUsed = new Map<number, number>();
  return slots.map((slot, i) => {
    const column = used.indexOf(stageColumns[i] ?? 1) + 1;
    const row = rowsUsed.get(column) ?? 0;
    rowsUsed.set(column, row + 1);
    return { ...slot, column, row };
  });
}

/** The most steps any one column holds (at least 1): how tall the graph is. */
export const maxRows = (placed: readonly PlacedSlot[]) => Math.max(1, ...placed.map((s) => s.row + 1));

/** The result column: right of every step (at least column 2, so a lone input → result still reads as a chain). */
export const resultColumn = (placed: readonly PlacedSlot[]) => Math.max(1, ...placed.map((s) => s.column)) + 1;

/** Rows centred on y = 0 per column, so input and result sit level with the middle of each column. */
export function positionOf(column: number, row: number, rowsInColumn: number): { x: number; y: number } {
  return { x: column * COLUMN_WIDTH, y: (row - (rowsInColumn - 1) / 2) * ROW_HEIGHT };
}

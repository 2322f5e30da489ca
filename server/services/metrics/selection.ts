/** How far below the best eligible candidate's expected quality a choice may be and still count as efficient. */
export const SELECTION_TOLERANCE = 0.05;

export interface SelectionEfficiency {
  /** finished tasks with a routed plan whose candidates carried a quality estimate */
  evaluated: number;
  efficient: number;
  /** efficient / evaluated, null without any */
  share: number | null;
  tolerance: number;
}

export interface PlanLike {
  steps?: { modelId?: unknown }[];
  explanation?: { candidates?: { modelId?: unknown; rejected?: unknown; components?: Record<string, unknown> }[] };
}

/**
 * A choice is efficient when the lead model's expected quality for the task's weighted capabilities
 * (the router's `quality` component: the profiles' posterior means at decision time) is within
 * SELECTION_TOLERANCE of the best eligible (not rejected) candidate's. Cost/latency-driven policies
 * lose points here on purpose: the figure shows what quality the policy traded away.
 * The rollups evaluate the same rule in SQL when a task finishes (rollup-sql.ts EFFICIENT_SQL); this
 * is its reference, used by the tests.
 */
export function judgePlan(plan: PlanLike, tolerance = SELECTION_TOLERANCE): boolean | null {
  const chosen = plan.steps?.[0]?.modelId;
  const eligible = (plan.explanation?.candidates ?? []).filter((c) => !c.rejected && typeof c.components?.quality === "number");
  if (typeof chosen !== "string" || eligible.length < 2) return null;
  const best = Math.max(...eligible.map((c) => c.components!.quality as number));
  const mine = eligible.find((c) => c.modelId === chosen)?.components?.quality;
  if (typeof mine !== "number") return null;
  return mine >= best - tolerance;
}

export function selectionEfficiency(evaluated: number, efficient: number): SelectionEfficiency {
  return { evaluated, efficient, share: evaluated ? efficient / evaluated : null, tolerance: SELECTION_TOLERANCE };
}

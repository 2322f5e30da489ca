import type { Db } from "@/db/client";
import type { MetricWindow } from "./ranges";
import { statement } from "./statements";

/** How far below the best eligible candidate's expected quality a choice may be and still count as efficient. */
export const SELECTION_TOLERANCE = 0.05;

/** Bounded sample: the newest tasks of the window, so the cost does not grow with the range. */
export const SELECTION_SAMPLE = 500;

export interface SelectionEfficiency {
  /** tasks with a routed plan whose candidates carried a quality estimate */
  evaluated: number;
  efficient: number;
  /** efficient / evaluated, null without any */
  share: number | null;
  tolerance: number;
}

interface PlanLike {
  steps?: { modelId?: unknown }[];
  explanation?: { candidates?: { modelId?: unknown; rejected?: unknown; components?: Record<string, unknown> }[] };
}

const SQL = `
  SELECT plan FROM tasks
  WHERE created_at >= @from AND created_at < @to AND plan IS NOT NULL
  ORDER BY created_at DESC LIMIT ${SELECTION_SAMPLE}`;

/**
 * A choice is efficient when the lead model's expected quality for the task's weighted capabilities
 * (the router's `quality` component: the profiles' posterior means at decision time) is within
 * SELECTION_TOLERANCE of the best eligible (not rejected) candidate's. Cost/latency-driven policies
 * lose points here on purpose: the figure shows what quality the policy traded away.
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

export function selectionEfficiency(db: Db, window: MetricWindow): SelectionEfficiency {
  const rows = statement(db, SQL).all({ from: window.from, to: window.to }) as { plan: string }[];
  let evaluated = 0;
  let efficient = 0;
  for (const row of rows) {
    let verdict: boolean | null = null;
    try {
      verdict = judgePlan(JSON.parse(row.plan) as PlanLike);
    } catch {
      verdict = null;
    }
    if (verdict === null) continue;
    evaluated += 1;
    if (verdict) efficient += 1;
  }
  return { evaluated, efficient, share: evaluated ? efficient / evaluated : null, tolerance: SELECTION_TOLERANCE };
}

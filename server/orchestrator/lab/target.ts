import { hullAt, type CostPoint } from "./hull";

/** The issue's bar: at least the best single model's accuracy, at ≤ 30% of its cost, above the zero router. */
export const TARGET_COST_SHARE = 0.3;

export interface TargetVerdict {
  policy: string;
  bestSingle: { name: string; accuracy: number; totalCostUsd: number };
  accuracy: number;
  totalCostUsd: number;
  /** the policy's cost over the best single model's */
  costShare: number;
  accuracyMet: boolean;
  costMet: boolean;
  /** what RouterBench's zero router (the single models' hull) reaches at the policy's cost per item */
  zeroRouterAccuracy: number | null;
  aboveZeroRouter: boolean;
  met: boolean;
  summary: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function targetVerdict(
  policy: { name: string; accuracy: number; totalCostUsd: number; items: number },
  bestSingle: { name: string; accuracy: number; totalCostUsd: number },
  zeroHull: readonly CostPoint[],
): TargetVerdict {
  const costShare = bestSingle.totalCostUsd > 0 ? policy.totalCostUsd / bestSingle.totalCostUsd : Number.POSITIVE_INFINITY;
  const accuracyMet = policy.accuracy >= bestSingle.accuracy;
  const costMet = costShare <= TARGET_COST_SHARE;
  const zero = hullAt(zeroHull, policy.items ? policy.totalCostUsd / policy.items : 0) ?? null;
  const aboveZeroRouter = zero === null || policy.accuracy > zero;
  const met = accuracyMet && costMet && aboveZeroRouter;
  const summary =
    `${policy.name}: ${pct(policy.accuracy)} at ${pct(costShare)} of ${bestSingle.name}'s cost ` +
    `(best single ${pct(bestSingle.accuracy)}; bar: ≥ that accuracy at ≤ ${pct(TARGET_COST_SHARE)} of its cost); ` +
    `zero router at the same cost: ${zero === null ? "n/a" : pct(zero)} → ${met ? "TARGET MET" : `target not met (${[!accuracyMet && "accuracy below the best single model", !costMet && "cost above 30%", !aboveZeroRouter && "not above the zero router"].filter(Boolean).join("; ")})`}`;
  return { policy: policy.name, bestSingle, accuracy: policy.accuracy, totalCostUsd: policy.totalCostUsd, costShare, accuracyMet, costMet, zeroRouterAccuracy: zero, aboveZeroRouter, met, summary };
}

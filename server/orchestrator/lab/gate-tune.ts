import { describeGate, outOfFold, thresholdWithin, trainGate, type GateConfig, type LearnedGate, type OutOfFold } from "./policies/gate";
import type { PreparedItem } from "./prepare";
import { scoreSingles } from "./tune";
import type { LabModel } from "./types";

/** A first-stage model costs at most this share of the strongest model on the tuning half. */
export const CHEAP_SHARE = 0.1;

export interface TunedGate {
  gate: LearnedGate;
  threshold: number;
  /** what the out-of-fold replay on the tuning half promised for the chosen threshold */
  oofAccuracy: number;
  oofCostUsd: number;
  description: string;
  /** the threshold for another budget (the AIQ sweep), from the same out-of-fold rows */
  thresholdAt: (budgetUsd: number) => number;
}

/**
 * The gate's hyper-parameters, chosen on the tuning half only: the first stage is the 2 or 3 most accurate models
 * costing at most CHEAP_SHARE of the most accurate one, escalation goes to the most accurate single model; the first-stage size and the
 * threshold are those whose out-of-fold replay is the most accurate within `budgetUsd`. Undefined when fewer than
 * two models are that cheap (small or uniform rosters): the gate has nothing to ask first.
 */
export function tuneGate(tune: readonly PreparedItem[], models: readonly LabModel[], budgetUsd: number): TunedGate | undefined {
  const singles = scoreSingles(tune, models);
  const strongest = [...singles].sort((a, b) => b.accuracy - a.accuracy || a.costUsd - b.costUsd)[0]?.config;
  const strongestCost = singles.find((s) => s.config === strongest)?.costUsd ?? 0;
  const cheap = singles
    .filter((s) => s.config !== strongest && s.costUsd <= CHEAP_SHARE * strongestCost)
    .sort((a, b) => b.accuracy - a.accuracy)
    .map((s) => s.config);
  if (!strongest || cheap.length < 2) return undefined; // no two cheap models to ask first: the gate does not apply
  let best: { config: GateConfig; rows: OutOfFold[]; cut: ReturnType<typeof thresholdWithin> } | undefined;
  for (const size of [2, 3]) {
    const first = cheap.slice(0, size);
    if (first.length < size) continue;
    const config = { first, escalate: [strongest] };
    const rows = outOfFold(tune, config);
    const cut = thresholdWithin(rows, budgetUsd);
    if (!best || cut.accuracy > best.cut.accuracy) best = { config, rows, cut };
  }
  if (!best) return undefined;
  const chosen = best;
  return {
    gate: trainGate(tune, chosen.config),
    threshold: chosen.cut.threshold,
    oofAccuracy: chosen.cut.accuracy,
    oofCostUsd: chosen.cut.costUsd,
    description: describeGate(chosen.config, chosen.cut.threshold),
    thresholdAt: (usd) => thresholdWithin(chosen.rows, usd).threshold,
  };
}

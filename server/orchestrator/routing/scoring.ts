import type { Estimate } from "./estimates";

/**
 * Score = quality − health loss − cost penalty − latency penalty − uncertainty penalty, where
 *
 *   quality      Σ_c w_c · mean_c                 (weights normalised to sum 1)
 *   health loss  quality · (1 − healthFactor)     (a call that errors delivers nothing)
 *   cost         k_cost · log10(1 + cost / $0.0001)
 *   latency      k_lat  · log10(1 + p50 / 1 s)
 *   uncertainty  k_unc  · sd of the weighted posterior mean
 *
 * Logs, because operators think in orders of magnitude: going from $0.001 to $0.01 should weigh
 * like going from $0.01 to $0.10. The "+1" keeps the penalty at ~0 for near-free calls instead of
 * rewarding fractions of a cent without limit. With balanced's k_cost = 0.06, paying 10× more must
 * buy ~0.06 quality; k_lat = 0.04 makes a 10× slower model pay ~0.04.
 *
 * Every penalty is ≥ 0 and each term is monotone in its input, which is what lets the router bound
 * the score of models it has not looked at (see threshold-topk.ts).
 */
export interface ScoreTerms {
  quality: number;
  health: number;
  cost: number;
  latency: number;
  uncertainty: number;
}

export interface PolicyWeights {
  cost: number;
  latency: number;
  uncertainty: number;
}

export type ScoredPolicy = "balanced" | "quality" | "explore";

export const POLICY_WEIGHTS: Readonly<Record<ScoredPolicy, PolicyWeights>> = {
  balanced: { cost: 0.06, latency: 0.04, uncertainty: 0.1 },
  // quality dominates: cost and latency only break near-ties
  quality: { cost: 0.005, latency: 0.005, uncertainty: 0.05 },
  // Thompson sampling already spends uncertainty on exploration; penalising it too would cancel that out
  explore: { cost: 0.06, latency: 0.04, uncertainty: 0 },
};

export const COST_REF_USD = 1e-4;
export const LATENCY_REF_MS = 1000;

export function costPenalty(costUsd: number): number {
  return Math.log10(1 + Math.max(0, costUsd) / COST_REF_USD);
}

export function latencyPenalty(ms: number): number {
  return Math.log10(1 + Math.max(0, ms) / LATENCY_REF_MS);
}

/** `quality` defaults to the posterior mean; explore passes its Thompson draw instead. */
export function scoreTerms(est: Estimate, weights: PolicyWeights, quality: number = est.quality): ScoreTerms {
  return {
    quality,
    health: -quality * (1 - est.healthFactor),
    cost: -weights.cost * costPenalty(est.costUsd),
    latency: -weights.latency * latencyPenalty(est.latencyMs),
    uncertainty: -weights.uncertainty * est.uncertainty,
  };
}

export function totalScore(t: ScoreTerms): number {
  return t.quality + t.health + t.cost + t.latency + t.uncertainty;
}

/**
 * Highest score any model could reach given upper bounds on its quality and lower bounds on its cost:
 * the other penalties are at least 0.
 */
export function scoreUpperBound(weights: PolicyWeights, qualityBound: number, costLowerBound: number): number {
  return qualityBound - weights.cost * costPenalty(costLowerBound);
}

/** What a call is worth after failures: the cost policy's bar and "strongest" use it. */
export function deliveredQuality(est: Estimate): number {
  return est.quality * est.healthFactor;
}

/** Display score of the cost policy: 1 for a free call, falling with each order of magnitude of cost. */
export function costEfficiency(costUsd: number): number {
  return 1 / (1 + costPenalty(costUsd));
}

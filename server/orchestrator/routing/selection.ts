import type { RegistryEntry } from "../registry/entry";
import type { RoutingIndex } from "../registry/routing-index";
import type { RoutingPolicy } from "../spec";
import type { ConstraintKey } from "./constraints";
import type { DecisionContext } from "./context";
import type { Examined, Examiner } from "./examiner";
import { candidateList, priceTiers } from "./partitions";
import { costPenalty, POLICY_WEIGHTS, scoreTerms, totalScore, type ScoreTerms } from "./scoring";
import type { SlotMarks } from "./slot-marks";
import { thresholdTopK, type Ranked } from "./threshold-topk";

/** One eligible model as a policy ranked it. */
export interface Choice extends Examined {
  score: number;
  /** the additive terms of `score` (balanced, quality, explore) */
  terms?: ScoreTerms;
  /** explore: the Thompson draw of the weighted quality */
  sample?: number;
  /** cost: whether the model clears the quality bar */
  qualifies?: boolean;
}

export interface Selection {
  policy: RoutingPolicy;
  /** eligible models, best first */
  ranked: Choice[];
  /** cost: the quality bar and the best delivered quality it derives from */
  bar?: number;
  bestQuality?: number;
  /** a walk hit maxExamined: the ranking is the best of what was looked at */
  truncated: boolean;
}

export interface SelectDeps {
  index: RoutingIndex;
  examiner: Examiner;
  ctx: DecisionContext;
  seen: SlotMarks;
  maxExamined: number;
  /** when set, a superset of the eligible models (feasible.ts): rank these instead of walking the roster */
  universe?: readonly RegistryEntry[];
}

/** The constraint no unread model can pass given these bounds (minQuality, maxCostUsd), if any. */
export function ruledOutBy(ctx: DecisionContext): (qualityBound: number, costLowerBound: number) => ConstraintKey | undefined {
  const { minQuality, maxCostUsd } = ctx.constraints;
  return (q, c) => (maxCostUsd !== undefined && c > maxCostUsd ? "maxCostUsd" : minQuality !== undefined && q < minQuality ? "minQuality" : undefined);
}

/** Rebuild the full Choice for the few models that made the top (the walk itself only kept numbers). */
function toChoices(top: readonly Ranked[], examiner: Examiner, policy: "balanced" | "quality"): Choice[] {
  return top.map(({ entry }: { entry: RegistryEntry }) => {
    const est = examiner.eligible(entry);
    if (!est) throw new Error(`internal: ranked model ${entry.id} has no estimate`);
    const terms = scoreTerms(est, POLICY_WEIGHTS[policy]);
    return { entry, est, terms, score: totalScore(terms) };
  });
}

/**
 * Balanced and quality: top-k by the additive score (scoring.ts), walking price tier by price tier so
 * each tier's bound already pays that tier's price, and a tier over maxCostUsd is never read.
 */
export function selectScored(deps: SelectDeps, policy: "balanced" | "quality", k: number): Selection {
  const { index, examiner, ctx } = deps;
  const weights = POLICY_WEIGHTS[policy];
  const score = (q: number, c: number) => q - weights.cost * costPenalty(c);
  const partitions = deps.universe
    ? [candidateList(deps.universe)]
    : priceTiers(index, ctx, examiner, { prices: false, score, ruledOut: ruledOutBy(ctx) });
  const result = thresholdTopK({
    partitions,
    k,
    seen: deps.seen,
    rosterSize: index.size,
    maxExamined: deps.maxExamined,
    score(entry) {
      const est = examiner.eligible(entry);
      return est ? totalScore(scoreTerms(est, weights)) : undefined;
    },
  });
  return { policy, ranked: toChoices(result.top, examiner, policy), truncated: result.truncated };
}

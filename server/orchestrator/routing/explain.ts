import { CAPABILITY_INDEX } from "../registry/entry";
import type { RoutingIndex } from "../registry/routing-index";
import type { CandidateScore, RoutingExplanation } from "../spec";
import { CONSTRAINT_KEYS, type ConstraintKey } from "./constraints";
import type { DecisionContext } from "./context";
import type { Examined, Examiner } from "./examiner";
import { fmt2, fmtInt, fmtUsd } from "./format";
import { leaderReason, lossReason } from "./reasons";
import { costEfficiency, deliveredQuality, POLICY_WEIGHTS, scoreTerms, totalScore } from "./scoring";
import type { Choice, Selection } from "./selection";

/** Ranked candidates the explanation always shows (more when the caller asked for more). */
export const SHOWN_RANKED = 5;

const REJECTION_LABELS: Record<ConstraintKey, string> = {
  enabled: "disabled",
  circuit: "circuit open",
  contextTokens: "context window",
  maxCostUsd: "cost",
  maxLatencyMs: "latency",
  minQuality: "quality",
};

function components(examined: Examined, ctx: DecisionContext, choice?: Choice): Record<string, number> {
  const { est, entry } = examined;
  const out: Record<string, number> = {
    quality: est.quality,
    uncertainty: est.uncertainty,
    costUsd: est.costUsd,
    latencyMs: est.latencyMs,
    latencyP95Ms: est.latencyP95Ms,
    errorRate: est.errorRate,
    contextWindow: entry.model.contextWindow,
  };
  for (const w of ctx.weights) out[`cap.${w.capability}`] = entry.means[w.index] as number;
  if (choice?.sample !== undefined) out.sample = choice.sample;
  if (choice?.terms) {
    out["term.quality"] = choice.terms.quality;
    out["term.health"] = choice.terms.health;
    out["term.cost"] = choice.terms.cost;
    out["term.latency"] = choice.terms.latency;
    out["term.uncertainty"] = choice.terms.uncertainty;
  }
  return out;
}

/** The same scoring the policy used, for a model the ranking did not keep (strongest or cheapest seen). */
function scoreOutsider(examined: Examined, selection: Selection): Choice | undefined {
  switch (selection.policy) {
    case "balanced":
    case "quality": {
      const terms = scoreTerms(examined.est, POLICY_WEIGHTS[selection.policy]);
      return { ...examined, terms, score: totalScore(terms) };
    }
    case "cost": {
      const q = deliveredQuality(examined.est);
      const qualifies = q >= (selection.bar ?? 0);
      return { ...examined, qualifies, score: qualifies ? costEfficiency(examined.est.costUsd) : q - (selection.bar ?? 0) };
    }
    case "explore":
      // its draw was never taken; a mean-based score would mislead next to the draws
      return undefined;
  }
}

export interface Explained {
  ranked: CandidateScore[];
  explanation: RoutingExplanation;
}

/**
 * Bounded explanation: the top of the ranking, the strongest and the cheapest eligible models seen
 * (the two an operator asks about: "why not the best?", "why not the cheapest?"), two rejected models
 * per constraint, and counts for everything left out.
 */
export function explain(selection: Selection, examiner: Examiner, index: RoutingIndex, ctx: DecisionContext): Explained {
  const leader = selection.ranked[0] as Choice;
  const toCandidate = (c: Choice, i: number): CandidateScore => ({
    modelId: c.entry.id,
    score: c.score,
    components: components(c, ctx, c),
    reason: i === 0 && c === leader ? leaderReason(selection, leader, ctx) : lossReason(selection, c, leader),
  });

  const ranked = selection.ranked.slice(0, ctx.count).map(toCandidate);
  const shownChoices = selection.ranked.slice(0, Math.max(SHOWN_RANKED, ctx.count));
  const candidates = shownChoices.map(toCandidate);
  const shown = new Set(shownChoices.map((c) => c.entry));

  for (const notable of [examiner.strongest, examiner.cheapest]) {
    if (!notable || shown.has(notable.entry)) continue;
    const choice = scoreOutsider(notable, selection);
    if (!choice) continue;
    shown.add(notable.entry);
    candidates.push(toCandidate(choice, -1));
  }

  const omitted: Record<string, number> = {};
  let rejected = 0;
  for (const key of CONSTRAINT_KEYS) {
    const count = examiner.rejectedCounts.get(key) ?? 0;
    if (count === 0) continue;
    rejected += count;
    const examples = examiner.rejectedExamples.get(key) ?? [];
    for (const ex of examples) {
      candidates.push({ modelId: ex.entry.id, score: 0, components: components(ex, ctx), rejected: ex.violation?.reason ?? key });
    }
    if (count > examples.length) omitted[key] = count - examples.length;
  }
  const eligibleSeen = examiner.examined - examiner.excluded - (rejected - examiner.ruledOut);
  const shownEligible = shown.size;
  if (eligibleSeen > shownEligible) omitted.outranked = eligibleSeen - shownEligible;
  if (examiner.excluded > 0) omitted.excluded = examiner.excluded;
  const unexamined = index.size - examiner.examined - examiner.ruledOut;
  if (unexamined > 0) omitted["not-examined"] = unexamined;

  return {
    ranked,
    explanation: {
      policy: selection.policy,
      summary: summarize(selection, leader, examiner, ctx),
      candidates,
      omitted,
    },
  };
}

function summarize(selection: Selection, leader: Choice, examiner: Examiner, ctx: DecisionContext): string {
  const primaryMean = leader.entry.means[CAPABILITY_INDEX[ctx.primary]] as number;
  const parts = [`${leader.entry.id} chosen: ${leaderReason(selection, leader, ctx)}`, `${ctx.primary} ${fmt2(primaryMean)}`, `${fmtUsd(leader.est.costUsd)} est.`];
  const tally = CONSTRAINT_KEYS.filter((k) => examiner.rejectedCounts.has(k)).map(
    (k) => `${fmtInt(examiner.rejectedCounts.get(k) ?? 0)} ${REJECTION_LABELS[k]}`,
  );
  const rejectedNote = tally.length > 0 ? ` (rejected: ${tally.join(", ")})` : "";
  const truncatedNote = selection.truncated ? " (scan capped: best of the models examined)" : "";
  return `${parts.join("; ")}${rejectedNote}${truncatedNote}`;
}

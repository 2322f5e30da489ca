import type { DecisionContext } from "./context";
import { fmt2, fmtMs, fmtPct, fmtRatio, fmtUsd, signed } from "./format";
import { deliveredQuality, type ScoreTerms } from "./scoring";
import type { Choice, Selection } from "./selection";

/** A term that decides less than this is a tie, not a reason. */
const EPS = 1e-9;

function costRatio(c: Choice, leader: Choice): number {
  return leader.est.costUsd > 0 ? c.est.costUsd / leader.est.costUsd : Number.POSITIVE_INFINITY;
}

/** "for +0.02 quality" when the loser was better on quality, so the trade-off is explicit */
function qualityGain(c: Choice, leader: Choice): string {
  const gain = c.est.quality - leader.est.quality;
  return gain > 0.005 ? ` for ${signed(gain)} quality` : "";
}

/** Why the leader won, in the policy's own terms. */
export function leaderReason(selection: Selection, leader: Choice, ctx: DecisionContext): string {
  switch (selection.policy) {
    case "balanced":
      return `best balanced score ${fmt2(leader.score)}`;
    case "quality":
      return `highest expected quality ${fmt2(leader.est.quality)}`;
    case "cost": {
      const byMin = ctx.constraints.minQuality !== undefined && selection.bar === ctx.constraints.minQuality;
      return byMin
        ? `cheapest meeting minimum quality ${fmt2(selection.bar ?? 0)}`
        : `cheapest within ${fmt2(ctx.qualityTolerance)} of the best quality (${fmt2(deliveredQuality(leader.est))} vs best ${fmt2(selection.bestQuality ?? 0)})`;
    }
    case "explore":
      return `best Thompson draw ${fmt2(leader.sample ?? 0)} (mean ${fmt2(leader.est.quality)})`;
  }
}

function costPolicyLoss(selection: Selection, c: Choice, leader: Choice): string {
  if (!c.qualifies) {
    return `quality ${fmt2(deliveredQuality(c.est))} below the bar ${fmt2(selection.bar ?? 0)} (best ${fmt2(selection.bestQuality ?? 0)})`;
  }
  const ratio = costRatio(c, leader);
  if (ratio <= 1 + EPS) return `same cost as the leader (${fmtUsd(c.est.costUsd)}), lower quality`;
  return `costs ${fmtRatio(ratio)} the leader (${fmtUsd(c.est.costUsd)} vs ${fmtUsd(leader.est.costUsd)})${qualityGain(c, leader)}`;
}

/** The score term that cost the candidate the most against the leader, phrased with both numbers. */
function scoredLoss(selection: Selection, c: Choice, leader: Choice): string {
  const lt = leader.terms as ScoreTerms;
  const ct = c.terms as ScoreTerms;
  const keys = ["quality", "health", "cost", "latency", "uncertainty"] as const;
  let worst: (typeof keys)[number] | undefined;
  let worstDelta = EPS;
  for (const key of keys) {
    const delta = lt[key] - ct[key];
    if (delta > worstDelta) {
      worst = key;
      worstDelta = delta;
    }
  }
  const tail = `; score ${fmt2(c.score)} vs ${fmt2(leader.score)}`;
  switch (worst) {
    case undefined:
      return `tied with the leader at ${fmt2(c.score)} (order by id)`;
    case "quality": {
      if (selection.policy === "explore") {
        return `draw ${fmt2(c.sample ?? 0)} < leader's ${fmt2(leader.sample ?? 0)} (mean ${fmt2(c.est.quality)} vs ${fmt2(leader.est.quality)})${tail}`;
      }
      const ratio = costRatio(c, leader);
      const cheaper = ratio < 1 / 1.5 ? `, not worth being ${fmtRatio(1 / ratio)} cheaper` : "";
      return `quality ${fmt2(c.est.quality)} < leader ${fmt2(leader.est.quality)}${cheaper}${tail}`;
    }
    case "health":
      return c.est.health === "half-open"
        ? `circuit half-open, error rate ${fmtPct(c.est.errorRate)}${tail}`
        : `error rate ${fmtPct(c.est.errorRate)} vs leader ${fmtPct(leader.est.errorRate)}${tail}`;
    case "cost":
      return `costs ${fmtRatio(costRatio(c, leader))} the leader${qualityGain(c, leader)}${tail}`;
    case "latency":
      return `p50 ${fmtMs(c.est.latencyMs)} vs leader ${fmtMs(leader.est.latencyMs)}${qualityGain(c, leader)}${tail}`;
    case "uncertainty":
      return `less evidence (±${fmt2(c.est.uncertainty)} vs leader ±${fmt2(leader.est.uncertainty)})${qualityGain(c, leader)}${tail}`;
  }
}

/** Why an eligible candidate is not the leader. */
export function lossReason(selection: Selection, c: Choice, leader: Choice): string {
  return selection.policy === "cost" ? costPolicyLoss(selection, c, leader) : scoredLoss(selection, c, leader);
}

import { chooseStrategy } from "../../routing";
import type { RoutingPolicy } from "../../spec";
import { NO_ANSWER, type Decision } from "../decision";
import type { PreparedItem } from "../prepare";
import type { LabModel } from "../types";
import { planFor, type CascadePlan } from "../tune";
import { cascadeOne } from "./cascade";
import { OnlineRoster } from "./learned";

export interface AutoOptions {
  policy: RoutingPolicy;
  /** the cascade tiers per capability, tuned on the tuning half */
  plan: CascadePlan;
  /**
   * Treat every item's format as short-answer. True for lab data: each outcome row is a parsed short answer, so the
   * task is checkable whatever the analyzer guessed from the prompt (it reads CRUXEval's "what does this code
   * return?" as code). False replays the analyzer's format exactly.
   */
  shortAnswers: boolean;
  seed: number;
}

/**
 * Ensemble's `auto` strategy under a routing policy, replayed: chooseStrategy (the planner's own rule) picks per
 * item; a cascade runs the tiers tuned for the item's primary capability; anything else is one model from the online-learned router. The roster
 * learns from every call the policy paid for, cascade tiers included.
 */
export function autoChain(items: readonly PreparedItem[], models: readonly LabModel[], o: AutoOptions): Decision[] {
  const roster = new OnlineRoster(models, o.seed);
  return items.map((item) => {
    const requirements = o.shortAnswers ? { ...item.requirements, format: "short-answer" as const } : item.requirements;
    const { strategy } = chooseStrategy(requirements, o.policy);
    if (strategy === "cascade") return cascadeOne(item, planFor(o.plan, item), (id, call) => roster.observe(id, item, call.correct));
    const pick = roster.router.route(requirements, { policy: o.policy, count: 1, exclude: roster.unavailable(item) }).ranked[0];
    const call = pick ? item.calls.get(pick.modelId) : undefined;
    if (!pick || !call) return NO_ANSWER;
    roster.observe(pick.modelId, item, call.correct);
    return { correct: call.correct, costUsd: call.costUsd, models: [pick.modelId] };
  });
}

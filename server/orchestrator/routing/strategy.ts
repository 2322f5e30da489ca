import type { Capability, RoutingPolicy, Strategy, TaskRequirements } from "../spec";

export type ConcreteStrategy = Exclude<Strategy, "auto">;

export interface StrategyChoice {
  strategy: ConcreteStrategy;
  /** one clause for the plan summary */
  why: string;
}

/** Answers a checker (or a majority) can confirm: cheap-first pays, and agreement is meaningful. */
const VERIFIABLE: readonly Capability[] = ["math", "classification", "extraction"];
/** Open-ended work where several drafts blended beat the best single one. */
const OPEN_ENDED: readonly Capability[] = ["writing", "brainstorming"];

/**
 * The `auto` rules, first match wins:
 *  1. explore → single: one model per task keeps the learning signal attributable;
 *  2. short answer, or primary math/classification/extraction → vote under the quality policy
 *     (spend for agreement), else cascade (cheap first, escalate on failure);
 *  3. code → pipeline under the quality policy (draft, critique, revise), else single;
 *  4. writing/brainstorming under the quality policy → mixture (diverse proposers + aggregator);
 *  5. otherwise single.
 * A short-answer format beats the code rule: "what does this code print?" is checkable.
 */
export function chooseStrategy(requirements: Pick<TaskRequirements, "primary" | "format">, policy: RoutingPolicy): StrategyChoice {
  const { primary, format } = requirements;
  if (policy === "explore") return { strategy: "single", why: "auto: exploring, so one model per task keeps what we learn attributable" };
  const shortAnswer = format === "short-answer";
  if (shortAnswer || VERIFIABLE.includes(primary)) {
    const what = shortAnswer ? `short verifiable answer (${primary})` : `verifiable ${primary} answer`;
    return policy === "quality"
      ? { strategy: "vote", why: `auto: ${what} under the quality policy, so independent voters must agree` }
      : { strategy: "cascade", why: `auto: ${what}, so a cheap model tries first and a strong one steps in only if needed` };
  }
  if (primary === "code" || format === "code") {
    return policy === "quality"
      ? { strategy: "pipeline", why: "auto: code under the quality policy, so it is drafted, reviewed and revised" }
      : { strategy: "single", why: "auto: code, answered by the best coder in one pass" };
  }
  if (OPEN_ENDED.includes(primary) && policy === "quality") {
    return { strategy: "mixture", why: `auto: open-ended ${primary} where quality matters more than cost, so diverse drafts are merged` };
  }
  return { strategy: "single", why: "auto: no rule calls for a chain, so one model answers" };
}

import type { RoutingIndex } from "../registry/routing-index";
import type { CandidateScore, RandomSource, RoutingExplanation, TaskRequirements } from "../spec";
import { buildContext, type RouteOptions } from "./context";
import type { Estimate } from "./estimates";
import { Examiner } from "./examiner";
import { explain, SHOWN_RANKED } from "./explain";
import { FEASIBLE_BUDGET, feasibleSet } from "./feasible";
import { selectCost } from "./select-cost";
import { selectExplore } from "./select-explore";
import { selectScored, type SelectDeps, type Selection } from "./selection";
import { SlotMarks } from "./slot-marks";
import { diagnoseUnsatisfiable } from "./unsatisfiable";

export interface RouteDecision {
  /** eligible models, best first, at most `count` of them */
  ranked: CandidateScore[];
  explanation: RoutingExplanation;
}

export interface Router {
  /** Throws UnsatisfiableError naming the constraint when no model is eligible. */
  route(requirements: TaskRequirements, options?: RouteOptions): RouteDecision;
}

export interface RouterConfig {
  /**
   * Stop any single walk after this many distinct models (the explanation then says the scan was
   * capped). Unbounded by default: the walks are exact and stop early on their own.
   */
  maxExamined: number;
  /** how many models a selective-constraint walk may list before it is given up (feasible.ts) */
  feasibleBudget: number;
}

export interface RouterDeps {
  registry: RoutingIndex;
  random: RandomSource;
  config?: Partial<RouterConfig>;
}

/**
 * The router: filter by hard constraints, score by policy, explain. It walks the registry's
 * incremental orderings best-first and stops once the rest provably cannot win, so a decision reads
 * a few dozen models whether the roster holds 100 or 10,000.
 */
export function createRouter(deps: RouterDeps): Router {
  const { registry, random } = deps;
  const maxExamined = deps.config?.maxExamined ?? Number.POSITIVE_INFINITY;
  const feasibleBudget = deps.config?.feasibleBudget ?? FEASIBLE_BUDGET;
  // Scratch reused by every decision (they run synchronously, one at a time): no per-decision Maps or Sets.
  const examinedMarks = new SlotMarks();
  const walkMarks = new SlotMarks();
  const memo: (Estimate | undefined)[] = [];

  function select(s: SelectDeps, k: number): Selection {
    switch (s.ctx.policy) {
      case "balanced":
      case "quality":
        return selectScored(s, s.ctx.policy, k);
      case "cost":
        return selectCost(s, k);
      case "explore":
        return selectExplore(s, random, k);
    }
  }

  return {
    route(requirements, options = {}) {
      const ctx = buildContext(requirements, options);
      const examiner = new Examiner(ctx, examinedMarks, memo, registry.size);
      const feasible = feasibleSet(registry, ctx, feasibleBudget);
      if (feasible) examiner.ruleOut(feasible, feasible.key, registry.size - feasible.entries.length, feasible.closest);
      const universe = feasible?.entries;
      const selection = select({ index: registry, examiner, ctx, seen: walkMarks, maxExamined, universe }, Math.max(ctx.count, SHOWN_RANKED));
      if (selection.ranked.length === 0) throw diagnoseUnsatisfiable(registry, ctx);
      return explain(selection, examiner, registry, ctx);
    },
  };
}

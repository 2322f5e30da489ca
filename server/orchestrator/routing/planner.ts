import { InvalidInputError } from "../errors";
import type { LLMModel, ModelChain, RoutingPolicy, Strategy, TaskRequirements } from "../spec";
import { BUILDERS, type PlanKit } from "./chain-builders";
import { fitToCaps, totalCost, type Caps, type ChainDraft, type Fitted } from "./chain-draft";
import { fmtUsd } from "./format";
import type { Router } from "./router";
import { chooseStrategy, type ConcreteStrategy } from "./strategy";

export interface PlanOptions {
  strategy: Strategy;
  policy: RoutingPolicy;
  /** cap on the number of steps, fallbacks included */
  maxSteps?: number;
}

export interface Planner {
  /** Throws UnsatisfiableError when not even one model is eligible. */
  planChain(requirements: TaskRequirements, options: PlanOptions): ModelChain;
}

export interface PlannerDeps {
  router: Router;
  registry: { getModel(id: string): LLMModel };
}

const LABEL: Record<ConcreteStrategy, string> = {
  single: "Single",
  fallback: "Fallback",
  cascade: "Cascade",
  pipeline: "Pipeline",
  mixture: "Mixture",
  vote: "Vote",
};

/**
 * Turns requirements into a ModelChain using the router for every pick. Each strategy's step roles
 * are documented on its builder (chain-builders.ts). Caps are met by dropping optional steps first;
 * when the required steps still do not fit, the plan falls back to `single` (whose answer step the
 * router already kept within maxCostUsd) and the summary says what happened.
 */
export function createPlanner(deps: PlannerDeps): Planner {
  const model = (id: string) => deps.registry.getModel(id);

  return {
    planChain(requirements, options) {
      const { maxSteps } = options;
      if (maxSteps !== undefined && (!Number.isInteger(maxSteps) || maxSteps < 1)) {
        throw new InvalidInputError("maxSteps", "must be an integer ≥ 1");
      }
      const policy = options.policy;
      const choice = options.strategy === "auto" ? chooseStrategy(requirements, policy) : { strategy: options.strategy, why: "requested" };
      const kit: PlanKit = { requirements, policy, model, route: (o) => deps.router.route(requirements, o) };
      // The roster as the operator's policy ranks it: the chain's explanation shows these candidates.
      const decision = kit.route({ policy, count: 5 });
      const caps = { maxSteps, maxCostUsd: requirements.constraints?.maxCostUsd };

      const planned = build(kit, choice.strategy, caps);
      const { draft, fitted } = planned;
      const label = draft.strategy === choice.strategy ? LABEL[draft.strategy] : `${LABEL[draft.strategy]} instead of ${choice.strategy}`;
      const sentence = `${label} (${choice.why}): ${draft.describe(fitted.steps)}; est. ${fmtUsd(totalCost(fitted.steps))} if every step runs`;
      const notes = [...planned.notes, ...fitted.notes];
      const summary = `${sentence}.${notes.length ? ` ${capitalize(notes.join("; "))}.` : ""} Routing: ${decision.explanation.summary}`;
      return {
        strategy: draft.strategy,
        steps: fitted.steps.map(({ role, modelId }) => ({ role, modelId })),
        explanation: { ...decision.explanation, summary },
      };
    },
  };
}

interface Planned {
  draft: ChainDraft;
  fitted: Fitted;
  notes: string[];
}

/** The requested strategy when the roster can staff it within the caps, else `single`, saying why. */
function build(kit: PlanKit, strategy: ConcreteStrategy, caps: Caps): Planned {
  const built = BUILDERS[strategy](kit);
  if ("draft" in built) {
    const fitted = fitToCaps(built.draft, caps);
    if (fitted) return { draft: built.draft, fitted, notes: [] };
  }
  const why =
    "draft" in built ? `${strategy} needs more than ${capText(caps)} allows` : `${strategy} is not possible: ${built.unavailable}`;
  const single = BUILDERS.single(kit);
  if (!("draft" in single)) throw new InvalidInputError("strategy", single.unavailable);
  // The answer step alone always fits: maxSteps ≥ 1, and the router rejected any model over maxCostUsd.
  const fitted = fitToCaps(single.draft, caps) ?? { steps: single.draft.steps.slice(0, 1), notes: [] };
  return { draft: single.draft, fitted, notes: [`${why}, so one model answers instead`] };
}

function capText(caps: { maxSteps?: number; maxCostUsd?: number }): string {
  const parts = [
    caps.maxSteps !== undefined ? `${caps.maxSteps} steps` : undefined,
    caps.maxCostUsd !== undefined ? `a ${fmtUsd(caps.maxCostUsd)} budget` : undefined,
  ].filter(Boolean);
  return parts.join(" and ");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

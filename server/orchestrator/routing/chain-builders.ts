import { UnsatisfiableError } from "../errors";
import type { LLMModel, RoutingPolicy, TaskRequirements } from "../spec";
import { makeStep, verifierWorstCostUsd, type ChainDraft, type DraftStep } from "./chain-draft";
import type { RouteOptions } from "./context";
import { pickDiverse } from "./diversity";
import type { RouteDecision } from "./router";
import type { ConcreteStrategy } from "./strategy";

export interface PlanKit {
  requirements: TaskRequirements;
  policy: RoutingPolicy;
  route(options: RouteOptions): RouteDecision;
  model(id: string): LLMModel;
}

/** A builder returns the draft, or a reason why the roster cannot staff this strategy. */
export type BuildResult = { draft: ChainDraft } | { unavailable: string };

const ids = (steps: readonly DraftStep[], role?: string) => steps.filter((s) => !role || s.role === role).map((s) => s.modelId);

/** route() that returns undefined instead of throwing when nothing else is eligible (for optional picks) */
function tryRoute(kit: PlanKit, options: RouteOptions): RouteDecision | undefined {
  try {
    return kit.route(options);
  } catch (error) {
    if (error instanceof UnsatisfiableError) return undefined;
    throw error;
  }
}

/** single: the top model answers; up to two diverse alternates follow as optional "fallback" steps. */
function buildSingle(kit: PlanKit): BuildResult {
  const decision = kit.route({ policy: kit.policy, count: 8 });
  const top = decision.ranked[0];
  if (!top) return { unavailable: "no eligible model" };
  const alternates = pickDiverse(decision.ranked.slice(1), 2, kit.model, [top.modelId]);
  const steps = [
    makeStep("answer", kit.model(top.modelId), kit.requirements),
    ...alternates.map((id) => makeStep("fallback", kit.model(id), kit.requirements, { optional: true })),
  ];
  return {
    draft: {
      strategy: "single",
      steps,
      describe: (s) => {
        const fb = ids(s, "fallback");
        return `${s[0]?.modelId} answers${fb.length ? `; fallbacks ${fb.join(", ")} if it fails` : "; no fallback kept"}`;
      },
    },
  };
}

/** fallback: ordered alternates (roles "answer" then "fallback"), tried until one answers. */
function buildFallback(kit: PlanKit): BuildResult {
  const decision = kit.route({ policy: kit.policy, count: 10 });
  const top = decision.ranked[0];
  if (!top) return { unavailable: "no eligible model" };
  const alternates = pickDiverse(decision.ranked.slice(1), 3, kit.model, [top.modelId]);
  if (alternates.length === 0) return { unavailable: "only one model is eligible, so there is nothing to fall back to" };
  const steps = [
    makeStep("answer", kit.model(top.modelId), kit.requirements),
    ...alternates.map((id, i) => makeStep("fallback", kit.model(id), kit.requirements, { optional: i > 0 })),
  ];
  return {
    draft: {
      strategy: "fallback",
      steps,
      describe: (s) => `${s[0]?.modelId} first, then ${ids(s, "fallback").join(", ")} in order while calls fail`,
    },
  };
}

/**
 * cascade: escalation order, cheapest first. Roles: "answer" for each tier that tries on its own
 * (cheap, then an optional mid tier), "verifier" for the strong model at the top: it checks each answer
 * (YES accepts it, NO escalates to the next tier) and answers the task itself when it rejects the last one.
 * The cheap tier is the cheapest model cheaper than the verifier and within 0.25 of the best quality among the
 * models other than the verifier (the verifier catches its misses).
 */
function buildCascade(kit: PlanKit): BuildResult {
  const strong = kit.route({ policy: "quality", count: 1 }).ranked[0];
  if (!strong) return { unavailable: "no eligible model" };
  const strongModel = kit.model(strong.modelId);
  const cheapDecision = tryRoute(kit, { policy: "cost", qualityTolerance: 0.25, count: 5, exclude: [strong.modelId] });
  const strongCost = strong.components.costUsd ?? 0;
  // score > 0: the cost policy's qualifiers (cheap enough and within 0.25 of the best); the rest rank after them
  // within 0.25 of the best model *below* the verifier, not of the verifier: the verifier checks every answer, so
  // a cheap tier well under it still pays off when it is right often enough
  const cheap = cheapDecision?.ranked.find((c) => c.score > 0 && (c.components.costUsd ?? 0) < strongCost);
  if (!cheap) return { unavailable: `no model cheaper than ${strong.modelId} comes within 0.25 of the best of the others, so there is nothing to escalate from` };
  const cheapCost = cheap.components.costUsd ?? 0;
  const midDecision = tryRoute(kit, { policy: "balanced", count: 5, exclude: [strong.modelId, cheap.modelId] });
  const mid = midDecision?.ranked.find((c) => {
    const cost = c.components.costUsd ?? 0;
    return cost > cheapCost && cost < strongCost && (c.components.quality ?? 0) > (cheap.components.quality ?? 0);
  });
  const steps = [
    makeStep("answer", kit.model(cheap.modelId), kit.requirements),
    ...(mid ? [makeStep("answer", kit.model(mid.modelId), kit.requirements, { optional: true })] : []),
    makeStep("verifier", strongModel, kit.requirements),
  ];
  return {
    draft: {
      strategy: "cascade",
      steps,
      price: (s) => {
        const answersChecked = s.filter((step) => step.role === "answer").length;
        return s.map((step) => (step.role === "verifier" ? { ...step, costUsd: verifierWorstCostUsd(strongModel, kit.requirements, answersChecked) } : step));
      },
      describe: (s) => {
        const answers = ids(s, "answer");
        return `${answers.join(" then ")} answer${answers.length > 1 ? " in turn" : "s"} first; ${strong.modelId} checks each answer and answers itself only if it rejects ${answers.length > 1 ? "them all" : "it"}`;
      },
    },
  };
}

/** pipeline: draft → critique (a different model when there is one) → revise (the drafter). All required. */
function buildPipeline(kit: PlanKit): BuildResult {
  const decision = kit.route({ policy: kit.policy, count: 6 });
  const top = decision.ranked[0];
  if (!top) return { unavailable: "no eligible model" };
  const [critic] = pickDiverse(decision.ranked.slice(1), 1, kit.model, [top.modelId]);
  const drafter = kit.model(top.modelId);
  const steps = [
    makeStep("draft", drafter, kit.requirements),
    makeStep("critique", kit.model(critic ?? top.modelId), kit.requirements),
    makeStep("revise", drafter, kit.requirements),
  ];
  return {
    draft: {
      strategy: "pipeline",
      steps,
      describe: (s) =>
        `${s[0]?.modelId} drafts, ${s[1]?.modelId} critiques${critic ? "" : " its own draft (no other model is eligible)"}, ${s[2]?.modelId} revises`,
    },
  };
}

/** mixture: three proposers, diverse in provider and strengths (the third optional), and the strongest model aggregates. */
function buildMixture(kit: PlanKit): BuildResult {
  const decision = kit.route({ policy: kit.policy, count: 10 });
  const proposers = pickDiverse(decision.ranked, 3, kit.model);
  if (proposers.length < 2) return { unavailable: "a mixture needs at least two eligible models" };
  const aggregator = kit.route({ policy: "quality", count: 1 }).ranked[0];
  if (!aggregator) return { unavailable: "no eligible aggregator" };
  const steps = [
    ...proposers.map((id, i) => makeStep("proposer", kit.model(id), kit.requirements, { optional: i >= 2 })),
    makeStep("aggregator", kit.model(aggregator.modelId), kit.requirements, { proposers: proposers.length }),
  ];
  return {
    draft: {
      strategy: "mixture",
      steps,
      price: (s) => {
        const left = s.filter((step) => step.role === "proposer").length;
        return s.map((step) => (step.role === "aggregator" ? makeStep("aggregator", kit.model(step.modelId), kit.requirements, { proposers: left }) : step));
      },
      describe: (s) => `${ids(s, "proposer").join(", ")} propose; ${aggregator.modelId} (strongest) aggregates`,
    },
  };
}

/**
 * vote: 5 voters under the quality policy, else 3; diverse first, and when fewer distinct models are
 * eligible the best ones vote twice (self-consistency sampling). Voters beyond three are optional,
 * and the count stays odd so a majority exists.
 */
function buildVote(kit: PlanKit): BuildResult {
  const n = kit.policy === "quality" ? 5 : 3;
  const decision = kit.route({ policy: kit.policy, count: 10 });
  const distinct = pickDiverse(decision.ranked, n, kit.model);
  if (distinct.length < 2) return { unavailable: "a vote needs at least two eligible models" };
  const voters = [...distinct];
  for (let i = 0; voters.length < n; i++) voters.push(distinct[i % distinct.length] as string);
  const steps = voters.map((id, i) => makeStep("voter", kit.model(id), kit.requirements, { optional: i >= 3 }));
  return {
    draft: {
      strategy: "vote",
      steps,
      describe: (s) => `${s.length} voters (${ids(s).join(", ")}); the majority answer wins${new Set(ids(s)).size < s.length ? "; a repeated model samples independently" : ""}`,
      valid: (s) => s.length % 2 === 1,
    },
  };
}

export const BUILDERS: Record<ConcreteStrategy, (kit: PlanKit) => BuildResult> = {
  single: buildSingle,
  fallback: buildFallback,
  cascade: buildCascade,
  pipeline: buildPipeline,
  mixture: buildMixture,
  vote: buildVote,
};

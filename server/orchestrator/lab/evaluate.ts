import { InvalidInputError } from "../errors";
import type { Decision } from "./decision";
import { aiq, upperHull, type CostPoint } from "./hull";
import { cheapest, oracle, random, single } from "./policies/baselines";
import { autoChain } from "./policies/auto";
import { describeCascade } from "./policies/cascade";
import { strengthOnTune, vote } from "./policies/vote";
import { alternativeRuns } from "./alternatives";
import { learnedRouter } from "./policies/learned";
import type { PreparedData, PreparedItem } from "./prepare";
import { ALT_SPLIT_SEED, splitOf, SPLIT_SEED } from "./split";
import { summarize, type Figures } from "./summarize";
import { targetVerdict, TARGET_COST_SHARE, type TargetVerdict } from "./target";
import { CHEAP_POOL, describePlan, planFrontier, planWithin, scoreSingles, type CascadePlan, type Scored } from "./tune";
import type { LabModel } from "./types";

export type PolicyKind = "ensemble" | "chain" | "single" | "baseline" | "reference";

export interface PolicyReport extends Figures {
  name: string;
  kind: PolicyKind;
  description: string;
  aiq: number;
  /** cost-per-item/accuracy points of the policy's knob swept (eval split); absent for policies without one */
  sweep?: Array<CostPoint & { knob: string }>;
}

/** The balanced policy's verdict on one tune/eval split. */
export interface SplitCheck {
  rule: string;
  tuneItems: number;
  evalItems: number;
  plan: string;
  target: TargetVerdict;
  /** the alternative policy families, tuned and replayed on this split the same way */
  alternatives?: TargetVerdict[];
}

export interface LabReport {
  split: { rule: string; tuneItems: number; evalItems: number };
  /** the AIQ integration range: cheapest and dearest single model, USD per item on the eval split */
  costRange: { lo: number; hi: number };
  policies: PolicyReport[];
  zeroRouterHull: CostPoint[];
  tuned: { cascade: string; costCap: string; tuneAccuracy: number; tuneCostUsd: number; voters: string[] };
  target: TargetVerdict;
  /** the same tuning and verdict on a second split (another hash salt): is the result the luck of one split? */
  secondSplit?: SplitCheck;
  /**
   * Hindsight bound, NOT a policy: the best plan of the same cascade family within the cost cap, tuned on the eval
   * half itself. If even this misses the target, no tuning of these chains can reach it on this data.
   */
  ceiling?: { accuracy: number; costShare: number; plan: string };
  /**
   * Other policy families (alternatives.ts: the learned gate, the learned prompt router) checked against the same
   * target: each one's verdict here and on the second split, and what its tuning-half replay promised (a large gap
   * to the eval figure is overfitting).
   */
  alternatives?: Array<{ name: string; tuneAccuracy: number; tuneCostShare: number; tuneHow: string; target: TargetVerdict; secondSplit?: TargetVerdict }>;
}

export interface LabOptions {
  /** seeds the random policy and the explore policy's Thompson draws */
  seed?: number;
  /** skip the second split and the hindsight ceiling (small data sets, quick UI runs) */
  skipChecks?: boolean;
}

export interface LabProgress {
  done: number;
  total: number;
  label: string;
}

/** Budget caps swept for the cascade's knob, as shares of the best single model's tuning-split cost. */
const CAPS = [0.05, 0.1, 0.2, TARGET_COST_SHARE, 0.5, 0.75, 1, 2];

const ROUTERS = ["quality", "cost", "explore"] as const;

/** Voters of the cheap vote (from the cheap pool) and of the quality vote (from every model). */
const CHEAP_VOTERS = 3;
const STRONG_VOTERS = 5;

interface Run {
  name: string;
  kind: PolicyKind;
  description: string;
  decisions: Decision[];
  sweep?: PolicyReport["sweep"];
}

interface Tuned {
  best: Scored<string>;
  at: (share: number) => Scored<CascadePlan> | undefined;
  chosen: Scored<CascadePlan>;
}

/** Cascade plans tuned on the tuning items only; `chosen` is the most accurate within the target's cost cap. */
function tuneBalanced(tune: readonly PreparedItem[], models: readonly LabModel[]): Tuned {
  const singles = scoreSingles(tune, models);
  const best = [...singles].sort((a, b) => b.accuracy - a.accuracy || a.costUsd - b.costUsd)[0] as Scored<string>;
  const front = planFrontier(tune, models);
  const at = (share: number) => planWithin(front, tune.length, share * best.costUsd);
  const chosen = at(TARGET_COST_SHARE) ?? (planWithin(front, tune.length, Number.POSITIVE_INFINITY) as Scored<CascadePlan>);
  return { best, at, chosen };
}

function bestSingleOn(items: readonly PreparedItem[], models: readonly LabModel[]) {
  const singles = models.map((m) => ({ name: m.id, ...summarize(items, single(m.id, items)) }));
  const best = [...singles].sort((a, b) => b.accuracy - a.accuracy || a.totalCostUsd - b.totalCostUsd)[0];
  if (!best) throw new InvalidInputError("models", "no single model to compare with");
  return { best, hull: upperHull(singles.map((s) => ({ cost: s.costPerItemUsd, accuracy: s.accuracy }))) };
}

/** Tune on one half of `items` re-split by `splitSeed`, replay balanced on the other half, and give the verdict. */
function checkSplit(items: readonly PreparedItem[], models: readonly LabModel[], splitSeed: number, seed: number): SplitCheck | undefined {
  const resplit = items.map((i) => ({ ...i, split: splitOf(i.id, splitSeed) }));
  const tune = resplit.filter((i) => i.split === "tune");
  const evalItems = resplit.filter((i) => i.split === "eval");
  if (tune.length === 0 || evalItems.length === 0) return undefined; // a handful of items can all land on one side
  const tuned = tuneBalanced(tune, models);
  const f = summarize(evalItems, autoChain(evalItems, models, { policy: "balanced", plan: tuned.chosen.config, shortAnswers: true, seed }));
  const { best, hull } = bestSingleOn(evalItems, models);
  const bestSingle = { name: best.name, accuracy: best.accuracy, totalCostUsd: best.totalCostUsd };
  const alternatives = alternativeRuns(tune, evalItems, models, tuned.best.costUsd, TARGET_COST_SHARE).map((a) => targetVerdict({ name: a.name, ...summarize(evalItems, a.decisions) }, bestSingle, hull));
  return {
    rule: `50/50 by cyrb53(seed ${splitSeed}, id)`,
    tuneItems: tune.length,
    evalItems: evalItems.length,
    plan: describePlan(tuned.chosen.config, describeCascade),
    target: targetVerdict({ name: "balanced", ...f }, bestSingle, hull),
    alternatives,
  };
}

/**
 * The evaluation as a sequence of chunks (one per policy), so a server can report progress between them; each
 * yield is a progress step, the return value the report. Tuning reads only the `tune` split; every policy runs
 * on the `eval` split, online learners from cold priors, in item order.
 */
export function* evaluateSteps(data: PreparedData, options: LabOptions = {}): Generator<LabProgress, LabReport> {
  const seed = options.seed ?? 7;
  const tune = data.items.filter((i) => i.split === "tune");
  const evalItems = data.items.filter((i) => i.split === "eval");
  if (tune.length === 0 || evalItems.length === 0) throw new InvalidInputError("items", "need items in both halves of the split (at least a handful of items)");
  const singleIds = data.models.map((m) => m.id);
  const checks = options.skipChecks ? 0 : 2;
  const total = 8 + ROUTERS.length + singleIds.length + checks;
  let done = 0;
  const step = (label: string): LabProgress => ({ done: ++done, total, label });

  // ---- tuning (tune split only) ----
  const tuned = tuneBalanced(tune, data.models);
  yield step("tuned cascades on the tune split");
  const tuneSingles = scoreSingles(tune, data.models);
  const cheapPool = [...tuneSingles].sort((a, b) => a.costUsd - b.costUsd).slice(0, CHEAP_POOL);
  const voters = cheapPool.sort((a, b) => b.accuracy - a.accuracy).slice(0, CHEAP_VOTERS).map((s) => s.config);
  const strongest = [...tuneSingles].sort((a, b) => b.accuracy - a.accuracy || a.costUsd - b.costUsd).slice(0, STRONG_VOTERS).map((s) => s.config);
  const strength = strengthOnTune(tune);

  // ---- policies (eval split) ----
  const runs: Run[] = [];
  const auto = (plan: CascadePlan, shortAnswers: boolean) => autoChain(evalItems, data.models, { policy: "balanced", plan, shortAnswers, seed });
  const sweep: NonNullable<PolicyReport["sweep"]> = [];
  for (const cap of CAPS) {
    const plan = tuned.at(cap);
    if (!plan) continue;
    const f = summarize(evalItems, auto(plan.config, true));
    sweep.push({ cost: f.costPerItemUsd, accuracy: f.accuracy, knob: `cap ${cap}× best single: ${describePlan(plan.config, describeCascade)}` });
  }
  runs.push({
    name: "balanced",
    kind: "ensemble",
    description: `Ensemble auto strategy under the balanced policy (answers treated as short): an agreement cascade per capability — ${describePlan(tuned.chosen.config, describeCascade)}; online-learned balanced router for anything else`,
    decisions: auto(tuned.chosen.config, true),
    sweep,
  });
  yield step("balanced");
  runs.push({
    name: "balanced (analyzer format)",
    kind: "ensemble",
    description: "the same, with the analyzer's own output format: items it reads as code go to one model from the learned balanced router",
    decisions: auto(tuned.chosen.config, false),
  });
  yield step("balanced (analyzer format)");
  const alternatives = alternativeRuns(tune, evalItems, data.models, tuned.best.costUsd, TARGET_COST_SHARE, CAPS);
  for (const a of alternatives) runs.push({ name: a.name, kind: a.kind, description: a.description, decisions: a.decisions, ...(a.sweep ? { sweep: a.sweep } : {}) });
  yield step("learned gate and router");
  runs.push({ name: "balanced-router", kind: "ensemble", description: "Ensemble's balanced router, one model per item, learning online from cold", decisions: learnedRouter("balanced", evalItems, data.models, seed) });
  yield step("balanced-router");
  for (const policy of ROUTERS) {
    runs.push({ name: policy, kind: "ensemble", description: `Ensemble's ${policy} router, one model per item, learning online from cold`, decisions: learnedRouter(policy, evalItems, data.models, seed) });
    yield step(policy);
  }
  runs.push({ name: "vote", kind: "chain", description: `vote of ${voters.join(", ")} (the most accurate of the ${CHEAP_POOL} cheapest on the tune split)`, decisions: vote(evalItems, voters, strength) });
  runs.push({ name: `vote (${STRONG_VOTERS} strongest)`, kind: "chain", description: `vote of ${strongest.join(", ")} (the most accurate models on the tune split): what accuracy money buys`, decisions: vote(evalItems, strongest, strength) });
  for (const id of singleIds) {
    runs.push({ name: id, kind: "single", description: "this model alone", decisions: single(id, evalItems) });
    yield step(id);
  }
  runs.push({ name: "cheapest", kind: "baseline", description: "the model with the lowest expected cost per item", decisions: cheapest(evalItems, data.models) });
  runs.push({ name: "random", kind: "baseline", description: `a model drawn uniformly per item (seed ${seed})`, decisions: random(evalItems, seed) });
  runs.push({ name: "oracle", kind: "reference", description: "hindsight: the cheapest model that was right, else the cheapest", decisions: oracle(evalItems) });
  yield step("baselines");

  const report = finish(evalItems, tune.length, runs, tuned.chosen, voters);
  report.alternatives = alternatives.map((a) => {
    const figures = report.policies.find((p) => p.name === a.name) as PolicyReport;
    return {
      name: a.name,
      tuneAccuracy: a.tuneAccuracy,
      tuneCostShare: tuned.best.costUsd > 0 ? a.tuneCostUsd / tuned.best.costUsd : 0,
      tuneHow: a.tuneHow,
      target: targetVerdict(figures, report.target.bestSingle, report.zeroRouterHull),
    };
  });
  if (!options.skipChecks) {
    const second = checkSplit(data.items, data.models, ALT_SPLIT_SEED, seed);
    if (second) report.secondSplit = second;
    for (const a of report.alternatives) {
      const v = second?.alternatives?.find((t) => t.policy === a.name);
      if (v) a.secondSplit = v;
    }
    yield step(`second split (seed ${ALT_SPLIT_SEED})`);
    const evalBest = bestSingleOn(evalItems, data.models).best;
    const hindsight = planWithin(planFrontier(evalItems, data.models), evalItems.length, TARGET_COST_SHARE * evalBest.totalCostUsd);
    if (hindsight) report.ceiling = { accuracy: hindsight.accuracy, costShare: hindsight.costUsd / evalBest.totalCostUsd, plan: describePlan(hindsight.config, describeCascade) };
    yield step("hindsight ceiling");
  }
  return report;
}

function finish(evalItems: readonly PreparedItem[], tuneItems: number, runs: Run[], chosen: Scored<CascadePlan>, voters: string[]): LabReport {
  const figures = runs.map((r) => ({ ...r, ...summarize(evalItems, r.decisions) }));
  const singles = figures.filter((f) => f.kind === "single");
  const zeroRouterHull = upperHull(singles.map((s) => ({ cost: s.costPerItemUsd, accuracy: s.accuracy })));
  const costs = singles.map((s) => s.costPerItemUsd);
  const costRange = { lo: Math.min(...costs), hi: Math.max(...costs) };
  const policies: PolicyReport[] = figures.map(({ decisions: _d, ...f }) => ({
    ...f,
    aiq: aiq([{ cost: f.costPerItemUsd, accuracy: f.accuracy }, ...(f.sweep ?? [])], costRange.lo, costRange.hi),
  }));
  const balanced = policies.find((p) => p.name === "balanced") as PolicyReport;
  policies.push({
    ...summarize([], []),
    name: "zero-router",
    kind: "reference",
    description: "RouterBench's zero router: random mixes of two single models on their cost–accuracy hull; shown at the balanced policy's cost",
    items: balanced.items,
    costPerItemUsd: balanced.costPerItemUsd,
    totalCostUsd: balanced.totalCostUsd,
    accuracy: 0,
    aiq: aiq(zeroRouterHull, costRange.lo, costRange.hi),
    sweep: zeroRouterHull.map((p) => ({ ...p, knob: "hull point" })),
  });
  const best = [...singles].sort((a, b) => b.accuracy - a.accuracy || a.totalCostUsd - b.totalCostUsd)[0];
  if (!best) throw new InvalidInputError("models", "no single model to compare with");
  const target = targetVerdict(balanced, { name: best.name, accuracy: best.accuracy, totalCostUsd: best.totalCostUsd }, zeroRouterHull);
  const zero = policies[policies.length - 1] as PolicyReport;
  zero.accuracy = target.zeroRouterAccuracy ?? 0;
  zero.correct = Math.round(zero.accuracy * zero.items);
  return {
    split: { rule: `50/50 by a fixed hash of the item id (cyrb53, seed ${SPLIT_SEED}): tune vs eval`, tuneItems, evalItems: evalItems.length },
    costRange,
    policies,
    zeroRouterHull,
    tuned: { cascade: describePlan(chosen.config, describeCascade), costCap: `≤ ${TARGET_COST_SHARE}× the best single model's cost on the tune split`, tuneAccuracy: chosen.accuracy, tuneCostUsd: chosen.costUsd, voters },
    target,
  };
}

/** The whole evaluation at once (CLI, tests). */
export function evaluate(data: PreparedData, options: LabOptions = {}, onProgress?: (p: LabProgress) => void): LabReport {
  const steps = evaluateSteps(data, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value);
  }
}

import { InvalidInputError } from "../errors";
import type { Decision } from "./decision";
import { aiq, upperHull, type CostPoint } from "./hull";
import { cheapest, oracle, random, single } from "./policies/baselines";
import { autoChain } from "./policies/auto";
import { describeCascade, vote, type CascadeConfig } from "./policies/cascade";
import { learnedRouter } from "./policies/learned";
import type { PreparedData, PreparedItem } from "./prepare";
import { summarize, type Figures } from "./summarize";
import { targetVerdict, TARGET_COST_SHARE, type TargetVerdict } from "./target";
import { bestWithin, CHEAP_POOL, scoreCascades, scoreSingles, type Scored } from "./tune";

export type PolicyKind = "ensemble" | "chain" | "single" | "baseline" | "reference";

export interface PolicyReport extends Figures {
  name: string;
  kind: PolicyKind;
  description: string;
  aiq: number;
  /** cost-per-item/accuracy points of the policy's knob swept (eval split); absent for policies without one */
  sweep?: Array<CostPoint & { knob: string }>;
}

export interface LabReport {
  split: { rule: string; tuneItems: number; evalItems: number };
  /** the AIQ integration range: cheapest and dearest single model, USD per item on the eval split */
  costRange: { lo: number; hi: number };
  policies: PolicyReport[];
  zeroRouterHull: CostPoint[];
  tuned: { cascade: string; costCap: string; tuneAccuracy: number; tuneCostUsd: number; voters: string[] };
  target: TargetVerdict;
}

export interface LabOptions {
  /** seeds the random policy and the explore policy's Thompson draws */
  seed?: number;
}

export interface LabProgress {
  done: number;
  total: number;
  label: string;
}

/** Budget caps swept for the cascade's knob, as shares of the best single model's tuning-split cost. */
const CAPS = [0.05, 0.1, 0.2, TARGET_COST_SHARE, 0.5, 0.75, 1, 2];

const ROUTERS = ["quality", "cost", "explore"] as const;

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
  const total = 7 + ROUTERS.length + singleIds.length;
  let done = 0;
  const step = (label: string): LabProgress => ({ done: ++done, total, label });

  // ---- tuning (tune split only) ----
  const tuneSingles = scoreSingles(tune, data.models);
  const bestTune = [...tuneSingles].sort((a, b) => b.accuracy - a.accuracy || a.costUsd - b.costUsd)[0] as Scored<string>;
  const cascades = scoreCascades(tune, data.models);
  yield step("tuned cascades on the tune split");
  const tunedAt = (share: number) => bestWithin(cascades, share * bestTune.costUsd);
  const chosen = tunedAt(TARGET_COST_SHARE) ?? (bestWithin(cascades, Number.POSITIVE_INFINITY) as Scored<CascadeConfig>);
  const cheapPool = [...tuneSingles].sort((a, b) => a.costUsd - b.costUsd).slice(0, CHEAP_POOL);
  const voters = cheapPool.sort((a, b) => b.accuracy - a.accuracy).slice(0, 3).map((s) => s.config);

  // ---- policies (eval split) ----
  const runs: Array<{ name: string; kind: PolicyKind; description: string; decisions: Decision[]; sweep?: PolicyReport["sweep"] }> = [];
  const auto = (cascade: CascadeConfig, shortAnswers: boolean) => autoChain(evalItems, data.models, { policy: "balanced", cascade, shortAnswers, seed });
  const sweep: NonNullable<PolicyReport["sweep"]> = [];
  for (const cap of CAPS) {
    const tuned = tunedAt(cap);
    if (!tuned) continue;
    const f = summarize(evalItems, auto(tuned.config, true));
    sweep.push({ cost: f.costPerItemUsd, accuracy: f.accuracy, knob: `cap ${cap}× best single: ${describeCascade(tuned.config)}` });
  }
  runs.push({
    name: "balanced",
    kind: "ensemble",
    description: `Ensemble auto strategy under the balanced policy (answers treated as short): cascade ${describeCascade(chosen.config)}; online-learned balanced router for anything else`,
    decisions: auto(chosen.config, true),
    sweep,
  });
  yield step("balanced");
  runs.push({
    name: "balanced (analyzer format)",
    kind: "ensemble",
    description: "the same, with the analyzer's own output format: items it reads as code go to one model from the learned balanced router",
    decisions: auto(chosen.config, false),
  });
  yield step("balanced (analyzer format)");
  runs.push({ name: "balanced-router", kind: "ensemble", description: "Ensemble's balanced router, one model per item, learning online from cold", decisions: learnedRouter("balanced", evalItems, data.models, seed) });
  yield step("balanced-router");
  for (const policy of ROUTERS) {
    runs.push({ name: policy, kind: "ensemble", description: `Ensemble's ${policy} router, one model per item, learning online from cold`, decisions: learnedRouter(policy, evalItems, data.models, seed) });
    yield step(policy);
  }
  runs.push({ name: "vote", kind: "chain", description: `majority of ${voters.join(", ")} (the most accurate of the ${CHEAP_POOL} cheapest on the tune split)`, decisions: vote(evalItems, voters) });
  for (const id of singleIds) {
    runs.push({ name: id, kind: "single", description: "this model alone", decisions: single(id, evalItems) });
    yield step(id);
  }
  runs.push({ name: "cheapest", kind: "baseline", description: "the model with the lowest expected cost per item", decisions: cheapest(evalItems, data.models) });
  runs.push({ name: "random", kind: "baseline", description: `a model drawn uniformly per item (seed ${seed})`, decisions: random(evalItems, seed) });
  runs.push({ name: "oracle", kind: "reference", description: "hindsight: the cheapest model that was right, else the cheapest", decisions: oracle(evalItems) });
  yield step("baselines");

  return finish(evalItems, tune.length, runs, chosen, voters);
}

function finish(
  evalItems: readonly PreparedItem[],
  tuneItems: number,
  runs: Array<{ name: string; kind: PolicyKind; description: string; decisions: Decision[]; sweep?: PolicyReport["sweep"] }>,
  chosen: Scored<CascadeConfig>,
  voters: string[],
): LabReport {
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
    split: { rule: "50/50 by a fixed hash of the item id (cyrb53, seed 20240924): tune vs eval", tuneItems, evalItems: evalItems.length },
    costRange,
    policies,
    zeroRouterHull,
    tuned: { cascade: describeCascade(chosen.config), costCap: `≤ ${TARGET_COST_SHARE}× the best single model's cost on the tune split`, tuneAccuracy: chosen.accuracy, tuneCostUsd: chosen.costUsd, voters },
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

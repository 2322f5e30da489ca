import type { Decision } from "../decision";
import { answerFeatures, candidates, gateFeatures, type Candidate } from "../learn/features";
import { dot, fitLogistic, fitRidge, sigmoid } from "../learn/linear";
import type { PreparedItem } from "../prepare";
import { groupItems, POOLED } from "../tune";

/**
 * The learned gate: a different family from the agreement cascade. Every item first asks a fixed set of cheap
 * models; a logistic answer scorer (per capability group) weighs their answers — a weighted vote whose weights
 * depend on who gave the answer, its share, its form and its length — and picks the best. A second pair of logistic
 * models predicts, from the prompt and the first-stage answers, how likely the pick is right now and after
 * escalating; a ridge model predicts what escalating will cost. The gate escalates when the predicted gain per
 * predicted dollar clears a threshold, which is tuned out-of-fold on the tuning half for the cost cap. Escalation
 * asks the escalation models and re-scores every answer with the stage-2 scorer. All fitted on the tuning half only.
 */
export interface GateConfig {
  first: readonly string[];
  escalate: readonly string[];
}

interface GroupModel {
  stage1: number[];
  stage2: number[];
  /** P(stage-1 pick right | gate features) and P(stage-2 pick right | gate features) */
  ok1: number[];
  ok2: number[];
  /** log(USD of the escalation calls) | gate features */
  logCost: number[];
}

export interface LearnedGate {
  config: GateConfig;
  groups: Map<string, GroupModel>;
}

/** Ridge strength for every fit: enough to keep per-model weights sane on a few hundred items. */
const L2 = 1;
/** Folds for the out-of-fold threshold: each tuning item is scored by models that never saw it. */
const FOLDS = 5;

const groupOf = (gate: LearnedGate, item: PreparedItem) => (gate.groups.has(item.requirements.primary) ? item.requirements.primary : POOLED);

interface Pick {
  key: string | null;
  p: number;
  candidate?: Candidate;
  all: Candidate[];
}

function pick(item: PreparedItem, asked: readonly string[], weights: readonly number[]): Pick {
  const all = candidates(item, asked);
  let best: Pick = { key: null, p: 0, all };
  for (const c of all) {
    const p = sigmoid(dot(weights, answerFeatures(item, asked, c, all)));
    if (!best.candidate || p > best.p) best = { key: c.key, p, candidate: c, all };
  }
  return best;
}

const stage2 = (config: GateConfig) => [...config.first, ...config.escalate.filter((m) => !config.first.includes(m))];

function fitScorer(items: readonly PreparedItem[], asked: readonly string[]): number[] {
  const xs: number[][] = [];
  const ys: boolean[] = [];
  for (const item of items) {
    const all = candidates(item, asked);
    for (const c of all) {
      xs.push(answerFeatures(item, asked, c, all));
      ys.push(c.call.correct);
    }
  }
  return xs.length ? fitLogistic(xs, ys, L2) : [];
}

const escalationCost = (item: PreparedItem, config: GateConfig) => config.escalate.reduce((s, id) => s + (config.first.includes(id) ? 0 : (item.calls.get(id)?.costUsd ?? 0)), 0);
const firstCost = (item: PreparedItem, config: GateConfig) => config.first.reduce((s, id) => s + (item.calls.get(id)?.costUsd ?? 0), 0);

/** Fits the scorers and the gate on `items` (the tuning half, or a fold of it). */
export function trainGate(items: readonly PreparedItem[], config: GateConfig): LearnedGate {
  const groups = new Map<string, GroupModel>();
  const asked2 = stage2(config);
  for (const [group, list] of groupItems(items)) {
    const s1 = fitScorer(list, config.first);
    const s2 = fitScorer(list, asked2);
    const zs: number[][] = [];
    const ok1: boolean[] = [];
    const ok2: boolean[] = [];
    const logCost: number[] = [];
    for (const item of list) {
      const p1 = pick(item, config.first, s1);
      zs.push(gateFeatures(item, config.first, p1, p1.all));
      ok1.push(p1.candidate?.call.correct ?? false);
      ok2.push(pick(item, asked2, s2).candidate?.call.correct ?? false);
      logCost.push(Math.log(escalationCost(item, config) + 1e-7));
    }
    groups.set(group, { stage1: s1, stage2: s2, ok1: fitLogistic(zs, ok1, L2), ok2: fitLogistic(zs, ok2, L2), logCost: fitRidge(zs, logCost) });
  }
  return { config, groups };
}

/** Predicted accuracy gained per predicted USD if this item escalates (known after stage 1, before escalating). */
function gain(gate: LearnedGate, item: PreparedItem, model: GroupModel, p1: Pick): number {
  const z = gateFeatures(item, gate.config.first, p1, p1.all);
  return (sigmoid(dot(model.ok2, z)) - sigmoid(dot(model.ok1, z))) / Math.exp(dot(model.logCost, z));
}

/** The gate on one item: both outcomes are computed, the replay reports the one the gate's threshold chooses. */
function both(gate: LearnedGate, item: PreparedItem) {
  const model = gate.groups.get(groupOf(gate, item));
  if (!model) throw new Error("learned gate: no model for this item's group (trainGate saw no items)");
  const p1 = pick(item, gate.config.first, model.stage1);
  const p2 = pick(item, stage2(gate.config), model.stage2);
  return { score: gain(gate, item, model, p1), ok1: p1.candidate?.call.correct ?? false, ok2: p2.candidate?.call.correct ?? false, cost1: firstCost(item, gate.config), cost2: escalationCost(item, gate.config) };
}

/** Replays the gate: every first-stage model is paid; the escalation models only when the gate fires. */
export function gated(items: readonly PreparedItem[], gate: LearnedGate, threshold: number): Decision[] {
  return items.map((item) => {
    const b = both(gate, item);
    const called = gate.config.first.filter((id) => item.calls.has(id));
    if (b.score <= threshold) return { correct: b.ok1, costUsd: b.cost1, models: called };
    return { correct: b.ok2, costUsd: b.cost1 + b.cost2, models: [...called, ...gate.config.escalate.filter((id) => item.calls.has(id) && !called.includes(id))] };
  });
}

export interface OutOfFold {
  score: number;
  ok1: boolean;
  ok2: boolean;
  cost1: number;
  cost2: number;
}

/** Each tuning item scored by a gate trained on the other folds: what the threshold is tuned on. */
export function outOfFold(items: readonly PreparedItem[], config: GateConfig): OutOfFold[] {
  const rows: OutOfFold[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const gate = trainGate(items.filter((_, i) => i % FOLDS !== f), config);
    for (const item of items.filter((_, i) => i % FOLDS === f)) rows.push(both(gate, item));
  }
  return rows;
}

/**
 * The threshold that escalates the highest-gain items while the out-of-fold cost stays within `budgetUsd`, choosing
 * the most accurate such cut. Returns the out-of-fold accuracy and cost it promises.
 */
export function thresholdWithin(rows: readonly OutOfFold[], budgetUsd: number): { threshold: number; accuracy: number; costUsd: number } {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  let cost = sorted.reduce((s, r) => s + r.cost1, 0);
  let right = sorted.reduce((s, r) => s + (r.ok1 ? 1 : 0), 0);
  let best = { threshold: Number.POSITIVE_INFINITY, right, cost };
  for (const r of sorted) {
    cost += r.cost2;
    right += (r.ok2 ? 1 : 0) - (r.ok1 ? 1 : 0);
    if (cost <= budgetUsd && right > best.right) best = { threshold: r.score - 1e-12, right, cost };
  }
  return { threshold: best.threshold, accuracy: rows.length ? best.right / rows.length : 0, costUsd: best.cost };
}

export function describeGate(config: GateConfig, threshold: number): string {
  return `ask ${config.first.join(", ")}; a learned weighted vote picks the answer; escalate to ${config.escalate.join(", ")} when the predicted accuracy gain per predicted USD exceeds ${threshold.toPrecision(3)}`;
}

import type { PreparedItem } from "./prepare";
import type { CascadeConfig } from "./policies/cascade";
import { single } from "./policies/baselines";
import type { LabModel } from "./types";

export interface Scored<T> {
  config: T;
  accuracy: number;
  costUsd: number;
}

/** How many of the cheapest models (by cost on the tuning split) may answer before the escalation tier. */
export const CHEAP_POOL = 6;
/** Cheap answer steps after the parallel pair, before the optional top tier. */
const MAX_EXTRA_CHEAP = 2;
/** A capability with fewer tuning items than this shares the pooled plan: too few to tune on their own. */
export const MIN_GROUP_ITEMS = 40;
/** The pooled group: rare capabilities, and any capability the tuning half never saw. */
export const POOLED = "*";

/**
 * The cascade the planner would staff per capability: the tiers chosen for an item's primary capability (what the
 * analyzer reports and the router ranks by), learned on the tuning half only.
 */
export interface CascadePlan {
  byGroup: Record<string, CascadeConfig>;
}

export function planFor(plan: CascadePlan, item: PreparedItem): CascadeConfig {
  const config = plan.byGroup[item.requirements.primary] ?? plan.byGroup[POOLED] ?? Object.values(plan.byGroup)[0];
  if (!config) throw new Error("empty cascade plan");
  return config;
}

export function describePlan(plan: CascadePlan, describe: (c: CascadeConfig) => string): string {
  return Object.entries(plan.byGroup)
    .map(([group, c]) => `${group === POOLED ? "other capabilities" : group}: ${describe(c)}`)
    .join(" | ");
}

function score(decisions: readonly { correct: boolean; costUsd: number }[]): { accuracy: number; costUsd: number } {
  let right = 0;
  let cost = 0;
  for (const d of decisions) {
    if (d.correct) right++;
    cost += d.costUsd;
  }
  return { accuracy: decisions.length ? right / decisions.length : 0, costUsd: cost };
}

export function scoreSingles(items: readonly PreparedItem[], models: readonly LabModel[]): Scored<string>[] {
  return models.map((m) => ({ config: m.id, ...score(single(m.id, items)) }));
}

/**
 * Every agreement cascade over the data's models: a parallel pair from the CHEAP_POOL cheapest, up to
 * MAX_EXTRA_CHEAP more of them one at a time, then optionally one top tier from the rest. The hyper-parameters
 * the lab tunes are exactly these choices — which models count as cheap, in which order, and whom to escalate to.
 */
export function candidateCascades(items: readonly PreparedItem[], models: readonly LabModel[]): CascadeConfig[] {
  const pool = scoreSingles(items, models)
    .sort((a, b) => a.costUsd - b.costUsd)
    .slice(0, CHEAP_POOL)
    .map((s) => s.config);
  const ids = models.map((m) => m.id);
  const out: CascadeConfig[] = [];
  const extend = (prefix: string[], extra: number) => {
    for (const top of [undefined, ...ids]) {
      if (top === undefined || !prefix.includes(top)) out.push({ answers: top === undefined ? prefix : [...prefix, top] });
      if (top !== undefined && !prefix.includes(top)) for (const top2 of ids) if (top2 !== top && !prefix.includes(top2)) out.push({ answers: [...prefix, top, top2] });
    }
    if (extra === 0) return;
    for (const next of pool) if (!prefix.includes(next)) extend([...prefix, next], extra - 1);
  };
  for (let i = 0; i < pool.length; i++) for (let j = i + 1; j < pool.length; j++) extend([pool[i] as string, pool[j] as string], MAX_EXTRA_CHEAP);
  return out;
}

/** A plan's totals over the items it was scored on: correct answers and USD. */
interface Point<T> {
  correct: number;
  costUsd: number;
  config: T;
}

/** Cheapest first, each strictly more accurate than the last: the configurations worth choosing between. */
function paretoFront<T>(points: Point<T>[]): Point<T>[] {
  const sorted = [...points].sort((a, b) => a.costUsd - b.costUsd || b.correct - a.correct);
  const front: Point<T>[] = [];
  for (const p of sorted) if (!front.length || p.correct > (front[front.length - 1] as Point<T>).correct) front.push(p);
  return front;
}

/** The items by the group their plan is tuned for: a capability with enough items, else the pooled group. */
export function groupItems(items: readonly PreparedItem[]): Map<string, PreparedItem[]> {
  const byPrimary = new Map<string, PreparedItem[]>();
  for (const item of items) byPrimary.set(item.requirements.primary, [...(byPrimary.get(item.requirements.primary) ?? []), item]);
  const groups = new Map<string, PreparedItem[]>();
  for (const [primary, list] of byPrimary) {
    const key = list.length >= MIN_GROUP_ITEMS ? primary : POOLED;
    groups.set(key, [...(groups.get(key) ?? []), ...list]);
  }
  return groups;
}

/**
 * The items as flat arrays for the tuning search, which replays thousands of cascades per item: answer keys as
 * small integers (-1 no recording, -2 no parsed answer), correctness and cost per model index.
 */
interface Compiled {
  keys: Int32Array;
  correct: Uint8Array;
  cost: Float64Array;
}

function compile(items: readonly PreparedItem[], index: ReadonlyMap<string, number>): Compiled[] {
  const keyIds = new Map<string, number>();
  return items.map((item) => {
    const n = index.size;
    const c: Compiled = { keys: new Int32Array(n).fill(-1), correct: new Uint8Array(n), cost: new Float64Array(n) };
    for (const [id, call] of item.calls) {
      const m = index.get(id);
      if (m === undefined) continue;
      let k = -2;
      if (call.key !== null) {
        k = keyIds.get(call.key) ?? keyIds.size;
        keyIds.set(call.key, k);
      }
      c.keys[m] = k;
      c.correct[m] = call.correct ? 1 : 0;
      c.cost[m] = call.costUsd;
    }
    return c;
  });
}

/** cascadeOne's rule on compiled items, without allocations (the tests check both agree): totals over `items`. */
export function replayCompiled(items: readonly Compiled[], order: readonly number[]): { correct: number; costUsd: number } {
  let correct = 0;
  let costUsd = 0;
  const seen = new Int32Array(order.length);
  for (const item of items) {
    let n = 0;
    let answer = -1; // the model index whose answer stands
    let lastParsed = -1;
    let lastAny = -1;
    for (let i = 0; i < order.length && answer < 0; i++) {
      const m = order[i] as number;
      const k = item.keys[m] as number;
      if (k === -1) continue;
      costUsd += item.cost[m] as number;
      if (i >= 1 && k >= 0) for (let j = 0; j < n; j++) if (seen[j] === k) answer = m;
      seen[n++] = k;
      lastAny = m;
      if (k >= 0) lastParsed = m;
    }
    const pick = answer >= 0 ? answer : lastParsed >= 0 ? lastParsed : lastAny;
    if (pick >= 0 && item.correct[pick]) correct++;
  }
  return { correct, costUsd };
}

export function compileFor(items: readonly PreparedItem[], models: readonly LabModel[]): { compiled: Compiled[]; index: Map<string, number> } {
  const index = new Map(models.map((m, i) => [m.id, i]));
  return { compiled: compile(items, index), index };
}

/**
 * The cost–accuracy frontier of per-capability cascade plans on the given items: each group's own frontier,
 * merged group by group (a plan's cost and correct count are the sums over its groups).
 */
export function planFrontier(items: readonly PreparedItem[], models: readonly LabModel[]): Point<CascadePlan>[] {
  const candidates = candidateCascades(items, models);
  const index = new Map(models.map((m, i) => [m.id, i]));
  const orders = candidates.map((c) => c.answers.map((id) => index.get(id) as number));
  let merged: Point<CascadePlan>[] = [{ correct: 0, costUsd: 0, config: { byGroup: {} } }];
  for (const [group, list] of groupItems(items)) {
    const compiled = compile(list, index);
    const front = paretoFront(candidates.map((config, i) => ({ ...replayCompiled(compiled, orders[i] as number[]), config })));
    const next: Point<CascadePlan>[] = [];
    for (const a of merged) for (const b of front) next.push({ correct: a.correct + b.correct, costUsd: a.costUsd + b.costUsd, config: { byGroup: { ...a.config.byGroup, [group]: b.config } } });
    merged = paretoFront(next);
  }
  return merged;
}

/** The most accurate plan spending at most `budgetUsd` on the items it was tuned on; undefined if none fits. */
export function planWithin(front: readonly Point<CascadePlan>[], items: number, budgetUsd: number): Scored<CascadePlan> | undefined {
  let best: Point<CascadePlan> | undefined;
  for (const p of front) if (p.costUsd <= budgetUsd && (!best || p.correct > best.correct)) best = p;
  return best && { config: best.config, accuracy: items ? best.correct / items : 0, costUsd: best.costUsd };
}

import type { RegistryEntry } from "../registry/entry";
import type { RoutingIndex } from "../registry/routing-index";
import type { OrderedView } from "../registry/sorted-index";
import type { ConstraintKey } from "./constraints";
import type { DecisionContext } from "./context";
import { PRIOR_TAIL_RATIO, priorLatencyMs } from "./estimates";

/**
 * Selective hard constraints, handled first.
 *
 * The score-driven walk prunes by what a model could score, not by whether it can pass a constraint,
 * so a constraint that few models meet (a 100k-token context, a 5 s latency cap, a tight budget)
 * would make it read deep into the roster, rejecting as it goes. Each such constraint has its own
 * ordering, though: walking it cheapest/largest/fastest first lists every model that could pass, and
 * stops as soon as the next one provably cannot. If any of these walks finishes within the budget,
 * its models are a small superset of everything eligible, and the policy ranks just those. If none
 * finishes, every constraint passes many models, and the score-driven walk will meet eligible ones
 * early anyway.
 */
export const FEASIBLE_BUDGET = 512;

interface Walker {
  /** the constraint every model past the walk fails */
  key: ConstraintKey;
  lists: OrderedView<RegistryEntry>[];
  /** true when no model at or past these next keys (one per list) can pass */
  done(next: Float64Array): boolean;
  /** for independent lists: list j need not be read any further */
  pastList?(j: number, key: number): boolean;
}

/**
 * A walk whose lists each cover their own share of the models independently (latency: measured models
 * by p95, unmeasured ones by price): list j is done once `past[j]` holds for its next key, the walk
 * once every list is.
 */
function independent(key: ConstraintKey, lists: OrderedView<RegistryEntry>[], past: ((key: number) => boolean)[]): Walker {
  return {
    key,
    lists,
    done: (next) => past.every((p, j) => p(next[j] as number)),
    pastList: (j, key) => (past[j] as (key: number) => boolean)(key),
  };
}

function walkers(index: RoutingIndex, ctx: DecisionContext): Walker[] {
  const out: Walker[] = [];
  const { maxCostUsd, maxLatencyMs, minQuality } = ctx.constraints;
  const perIn = ctx.inputTokens / 1_000_000;
  const perOut = ctx.outputTokens / 1_000_000;

  // Every walk finishes on a roster that only has a few models left to read; skip the trivial ones.
  if (ctx.contextNeeded > 0) out.push({ key: "contextTokens", lists: [index.byContextWindow()], done: (n) => (n[0] as number) < ctx.contextNeeded });
  if (maxCostUsd !== undefined) {
    out.push({
      key: "maxCostUsd",
      lists: [index.byInputPrice(), index.byOutputPrice()],
      done: (n) => perIn * (n[0] as number) + perOut * (n[1] as number) > maxCostUsd,
    });
  }
  if (maxLatencyMs !== undefined) {
    // A model's expected p95 is either its trusted measurement (sorted in byLatencyP95) or, until it
    // has one, the prior, which rises with the output price.
    out.push(
      independent(
        "maxLatencyMs",
        [index.byLatencyP95(), index.byOutputPrice()],
        [(p95) => p95 > maxLatencyMs, (price) => PRIOR_TAIL_RATIO * priorLatencyMs(price, ctx.inputTokens, ctx.outputTokens) > maxLatencyMs],
      ),
    );
  }
  if (minQuality !== undefined) {
    const walked = ctx.weights.slice(0, 4);
    let fixed = 0;
    for (const w of ctx.weights.slice(4)) {
      const list = index.byCapability(w.capability);
      if (list.length > 0) fixed += w.weight * list.keyAt(0);
    }
    out.push({
      key: "minQuality",
      lists: walked.map((w) => index.byCapability(w.capability)),
      done: (n) => walked.reduce((sum, w, j) => sum + w.weight * (n[j] as number), fixed) < minQuality,
    });
  }
  return out;
}

interface Progress {
  walker: Walker;
  depth: number;
  found: RegistryEntry[];
  seen: Set<RegistryEntry>;
  next: Float64Array;
}

export interface FeasibleSet {
  /** every model that might pass (a superset of the eligible ones) */
  entries: RegistryEntry[];
  /** the constraint all other models fail */
  key: ConstraintKey;
  /** the first models past the walk: the closest misses, for the explanation */
  closest: RegistryEntry[];
}

/**
 * A superset of the eligible models, found through the most selective constraint within the budget,
 * or undefined when no constraint is selective enough to be worth it.
 */
export function feasibleSet(index: RoutingIndex, ctx: DecisionContext, budget = FEASIBLE_BUDGET): FeasibleSet | undefined {
  if (index.size <= budget) return undefined; // the walk over a small roster is already cheap
  // A walk that has not finished by depth `budget` cannot finish within the budget: test that in O(1) first.
  const probe = (walker: Walker) => !walker.done(Float64Array.from(walker.lists, (list) => list.keyAt(budget)));
  const active: Progress[] = walkers(index, ctx).filter((w) => !probe(w)).map((walker) => ({
    walker,
    depth: 0,
    found: [],
    seen: new Set(),
    next: new Float64Array(walker.lists.length),
  }));
  while (active.length > 0) {
    for (let i = active.length - 1; i >= 0; i--) {
      const p = active[i] as Progress;
      const { lists } = p.walker;
      for (let j = 0; j < lists.length; j++) p.next[j] = (lists[j] as OrderedView<RegistryEntry>).keyAt(p.depth);
      if (p.depth >= index.size || p.walker.done(p.next)) {
        const closest = lists.map((list) => list.at(p.depth)).filter((e): e is RegistryEntry => e !== undefined && !p.seen.has(e));
        return { entries: p.found, key: p.walker.key, closest: closest.slice(0, 2) };
      }
      for (let j = 0; j < lists.length; j++) {
        if (p.walker.pastList?.(j, p.next[j] as number)) continue;
        const entry = (lists[j] as OrderedView<RegistryEntry>).at(p.depth);
        if (entry && !p.seen.has(entry)) {
          p.seen.add(entry);
          p.found.push(entry);
        }
      }
      p.depth += 1;
      if (p.found.length > budget) active.splice(i, 1);
    }
  }
  return undefined;
}

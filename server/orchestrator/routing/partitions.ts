import type { RegistryEntry } from "../registry/entry";
import type { PriceTier } from "../registry/price-buckets";
import type { RoutingIndex } from "../registry/routing-index";
import type { OrderedView } from "../registry/sorted-index";
import type { ConstraintKey } from "./constraints";
import type { DecisionContext, WeightedCapability } from "./context";
import type { Examiner } from "./examiner";

/**
 * A slice of the roster the threshold walk reads best-first. `bound` gets, for each list, the key at
 * the next unread position, and must return the highest score any unread model of the slice could
 * still reach.
 */
export interface Partition {
  lists: OrderedView<RegistryEntry>[];
  bound(next: Float64Array): number;
  /** true once no unread model of the slice could be admissible; the walk drops the slice */
  hopeless?(next: Float64Array): boolean;
}

/**
 * Only the heaviest capabilities are walked (at most 4, each with ≥ 10% of the weight): a lighter one
 * is bounded by its best mean in the slice, still a valid upper bound, and fewer lists means fewer
 * reads per round.
 */
const MAX_WALKED = 4;
const MIN_WALKED_WEIGHT = 0.1;

interface QualityWalk {
  lists: OrderedView<RegistryEntry>[];
  /** upper bound on Σ w·mean of any unread model, from the next keys of lists[0..lists.length) */
  bound(next: Float64Array): number;
}

function qualityWalk(ctx: DecisionContext, byCapability: (w: WeightedCapability) => OrderedView<RegistryEntry>): QualityWalk {
  const lists: OrderedView<RegistryEntry>[] = [];
  const walked: number[] = [];
  let fixed = 0;
  for (const w of ctx.weights) {
    const list = byCapability(w);
    if (walked.length < MAX_WALKED && (walked.length === 0 || w.weight >= MIN_WALKED_WEIGHT)) {
      lists.push(list);
      walked.push(w.weight);
    } else if (list.length > 0) {
      fixed += w.weight * list.keyAt(0);
    }
  }
  return {
    lists,
    bound(next) {
      let b = fixed;
      for (let j = 0; j < walked.length; j++) b += (walked[j] as number) * (next[j] as number);
      return b;
    },
  };
}

/** Cheapest possible cost in a slice whose cheapest prices are pin and pout. */
function costAt(ctx: DecisionContext, pin: number, pout: number): number {
  return (ctx.inputTokens * pin + ctx.outputTokens * pout) / 1_000_000;
}

/** Why a slice can be skipped: a hard constraint none of it passes, or a policy filter (not a rejection). */
export type RuledOut = ConstraintKey | "below-bar";

interface TierOptions {
  prices: boolean;
  score: (qualityBound: number, costLowerBound: number) => number;
  ruledOut: (qualityBound: number, costLowerBound: number) => RuledOut | undefined;
}

/**
 * One slice per non-empty price tier, walked by capability (and, with `prices`, by the tier's own
 * price orderings, so the cost bound tightens as the walk goes). A tier ruled out from the start by a
 * hard constraint (all over budget, none good enough) is never read, only counted (Examiner.ruleOut).
 */
export function priceTiers(index: RoutingIndex, ctx: DecisionContext, examiner: Examiner, options: TierOptions): Partition[] {
  const out: Partition[] = [];
  const primary = ctx.weights[0] as WeightedCapability;
  for (const tier of index.tiers()) {
    if (tier.size === 0) continue;
    const partition = tierPartition(tier, ctx, options);
    const start = Float64Array.from(partition.lists, (list) => list.keyAt(0));
    const why = partition.why(start);
    if (why === undefined) {
      out.push(partition);
    } else if (why !== "below-bar") {
      const best = tier.byCapability(primary.index);
      examiner.ruleOut(tier, why, tier.size, [best.at(0), best.at(1)].filter((e): e is RegistryEntry => e !== undefined));
    }
  }
  return out;
}

function tierPartition(tier: PriceTier, ctx: DecisionContext, options: TierOptions): Partition & { why(next: Float64Array): RuledOut | undefined } {
  const walk = qualityWalk(ctx, (w) => tier.byCapability(w.index));
  const lists = [...walk.lists];
  const minIn = tier.byInputPrice().keyAt(0);
  const minOut = tier.byOutputPrice().keyAt(0);
  let cost: (next: Float64Array) => number = () => costAt(ctx, minIn, minOut);
  if (options.prices) {
    const inSlot = lists.push(tier.byInputPrice()) - 1;
    const outSlot = lists.push(tier.byOutputPrice()) - 1;
    cost = (next) => costAt(ctx, next[inSlot] as number, next[outSlot] as number);
  }
  const why = (next: Float64Array) => options.ruledOut(walk.bound(next), cost(next));
  return {
    lists,
    bound: (next) => options.score(walk.bound(next), cost(next)),
    hopeless: (next) => why(next) !== undefined,
    why,
  };
}

/** A fixed candidate list (the feasible set) as one slice with no bound: the walk reads all of it. */
export function candidateList(entries: readonly RegistryEntry[]): Partition {
  const view: OrderedView<RegistryEntry> = {
    length: entries.length,
    at: (i) => entries[i],
    keyAt: () => 0,
  };
  return { lists: [view], bound: () => Number.POSITIVE_INFINITY };
}

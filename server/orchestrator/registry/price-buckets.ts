import { CAPABILITIES } from "../spec";
import type { RegistryEntry } from "./entry";
import { SortedIndex, type OrderedView } from "./sorted-index";

/**
 * The roster split by output price into fixed log-spaced tiers (three per decade), each with its own
 * per-capability orderings. Routing walks the tiers best-bound-first: within a tier the cost is known
 * to within ~2×, so "quality minus cost" can be bounded per tier, which is far tighter than bounding
 * quality and cost separately over the whole roster (strong models are mostly the dear ones).
 */
export const TIERS_PER_DECADE = 3;
/** tier 0 holds everything at or below $0.01 per million output tokens */
const FLOOR_LOG10 = -2;
/** ... and the last tier everything at or above $10,000 */
export const TIER_COUNT = TIERS_PER_DECADE * 6 + 1;

export function tierOf(outputUsdPerMTok: number): number {
  if (!(outputUsdPerMTok > 0)) return 0;
  const t = Math.floor((Math.log10(outputUsdPerMTok) - FLOOR_LOG10) * TIERS_PER_DECADE) + 1;
  return Math.min(TIER_COUNT - 1, Math.max(0, t));
}

export interface PriceTier {
  readonly size: number;
  /** best first, models of this tier only */
  byCapability(index: number): OrderedView<RegistryEntry>;
  /** cheapest first, models of this tier only */
  byInputPrice(): OrderedView<RegistryEntry>;
  byOutputPrice(): OrderedView<RegistryEntry>;
}

export class MutablePriceTier implements PriceTier {
  private readonly capabilities = CAPABILITIES.map(() => new SortedIndex<RegistryEntry>("desc"));
  private readonly inputs = new SortedIndex<RegistryEntry>("asc");
  private readonly outputs = new SortedIndex<RegistryEntry>("asc");

  get size(): number {
    return this.inputs.length;
  }

  byCapability(index: number): OrderedView<RegistryEntry> {
    return this.capabilities[index] as SortedIndex<RegistryEntry>;
  }

  byInputPrice(): OrderedView<RegistryEntry> {
    return this.inputs;
  }

  byOutputPrice(): OrderedView<RegistryEntry> {
    return this.outputs;
  }

  upsert(entry: RegistryEntry): void {
    for (let i = 0; i < CAPABILITIES.length; i++) {
      (this.capabilities[i] as SortedIndex<RegistryEntry>).upsert(entry.id, entry.means[i] as number, entry);
    }
    this.inputs.upsert(entry.id, entry.model.pricing.inputUsdPerMTok, entry);
    this.outputs.upsert(entry.id, entry.model.pricing.outputUsdPerMTok, entry);
  }

  delete(id: string): void {
    for (const order of this.capabilities) order.delete(id);
    this.inputs.delete(id);
    this.outputs.delete(id);
  }
}

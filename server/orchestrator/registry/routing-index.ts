import type { Capability } from "../spec";
import type { RegistryEntry } from "./entry";
import type { PriceTier } from "./price-buckets";
import type { OrderedView } from "./sorted-index";

/**
 * The read side of the registry that routing uses. Every ordering holds every registered model
 * (disabled ones too, so the router can say "disabled" instead of silently skipping them).
 */
export interface RoutingIndex {
  /** registered models, enabled or not */
  readonly size: number;
  /** bumps on every change that can alter a routing decision */
  readonly version: number;
  /** best first: effective posterior mean, descending */
  byCapability(capability: Capability): OrderedView<RegistryEntry>;
  /** cheapest first */
  byInputPrice(): OrderedView<RegistryEntry>;
  byOutputPrice(): OrderedView<RegistryEntry>;
  /** largest context window first */
  byContextWindow(): OrderedView<RegistryEntry>;
  /** measured p95 latency, fastest first; models not measured yet last (key Number.MAX_VALUE) */
  byLatencyP95(): OrderedView<RegistryEntry>;
  /** the same orderings within fixed price tiers (some may be empty) */
  tiers(): readonly PriceTier[];
  /** random access in an arbitrary but deterministic order (exploration samples from it) */
  entryAt(i: number): RegistryEntry | undefined;
  entry(id: string): RegistryEntry | undefined;
}

import { InvalidInputError, NotFoundError } from "../errors";
import { CAPABILITIES, type Capability, type LLMModel, type ModelCapabilities, type ModelRegistry } from "../spec";
import { CAPABILITY_INDEX, freezeCapabilities, freezeModel, MutableEntry, type RegistryEntry } from "./entry";
import type { RoutingIndex } from "./routing-index";
import {
  DEFAULT_RUNTIME_STATS_CONFIG,
  HEALTH_STATES,
  RuntimeStats,
  type HealthState,
  type OutcomeReport,
  type RuntimeStatsConfig,
  type RuntimeStatsSnapshot,
} from "./runtime-stats";
import { MutablePriceTier, TIER_COUNT, tierOf, type PriceTier } from "./price-buckets";
import { SortedIndex, type OrderedView } from "./sorted-index";

/**
 * In-memory roster: the seed's ModelRegistry plus what routing needs.
 *
 * Every change is applied synchronously and incrementally (one entry re-slotted in the orderings it
 * affects), so it is visible to the very next routing decision and no decision rescans the roster.
 */
export class InMemoryModelRegistry implements ModelRegistry, RoutingIndex {
  private readonly entries = new Map<string, MutableEntry>();
  /** dense array for O(1) random access; removal swaps the last entry into the hole */
  private readonly dense: MutableEntry[] = [];
  private readonly capabilityOrder: SortedIndex<RegistryEntry>[] = CAPABILITIES.map(() => new SortedIndex("desc"));
  private readonly inputPriceOrder = new SortedIndex<RegistryEntry>("asc");
  private readonly outputPriceOrder = new SortedIndex<RegistryEntry>("asc");
  private readonly contextOrder = new SortedIndex<RegistryEntry>("desc");
  /** measured p95 latency, fastest first; models without a measurement sort last */
  private readonly latencyOrder = new SortedIndex<RegistryEntry>("asc");
  private readonly priceTiers = Array.from({ length: TIER_COUNT }, () => new MutablePriceTier());
  private changes = 0;

  constructor(private readonly statsConfig: RuntimeStatsConfig = DEFAULT_RUNTIME_STATS_CONFIG) {}

  // ---- ModelRegistry (the seed's interface) ----

  /** Adds, or replaces the spec and capabilities of an existing id (its runtime stats are kept). */
  async registerModel(model: LLMModel): Promise<void> {
    this.upsertModel(model);
  }

  getModel(id: string): LLMModel {
    return this.require(id).model;
  }

  listModels(): LLMModel[] {
    return [...this.entries.values()].map((e) => e.model);
  }

  updateCapabilities(id: string, capabilities: ModelCapabilities): void {
    const entry = this.require(id);
    const frozen = freezeCapabilities(id, capabilities, entry.model.capabilities);
    entry.model = Object.freeze({ ...entry.model, capabilities: frozen });
    this.indexCapabilities(entry);
    this.changes += 1;
  }

  // ---- roster management ----

  /** Synchronous registerModel, for callers that load a roster in a loop. */
  upsertModel(model: LLMModel): void {
    const frozen = freezeModel(model);
    const existing = this.entries.get(frozen.id);
    if (existing) {
      existing.model = frozen;
      this.indexAll(existing);
    } else {
      const entry = new MutableEntry(frozen, new RuntimeStats(this.statsConfig));
      this.entries.set(entry.id, entry);
      entry.slot = this.dense.length;
      this.dense.push(entry);
      this.indexAll(entry);
    }
    this.changes += 1;
  }

  findModel(id: string): LLMModel | undefined {
    return this.entries.get(id)?.model;
  }

  removeModel(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    for (const order of this.capabilityOrder) order.delete(id);
    this.inputPriceOrder.delete(id);
    this.outputPriceOrder.delete(id);
    this.priceTiers[entry.tier]?.delete(id);
    this.contextOrder.delete(id);
    this.latencyOrder.delete(id);
    const last = this.dense.pop() as MutableEntry;
    if (last !== entry) {
      this.dense[entry.slot] = last;
      last.slot = entry.slot;
    }
    entry.slot = -1;
    this.changes += 1;
    return true;
  }

  setEnabled(id: string, enabled: boolean): void {
    const entry = this.require(id);
    if (entry.model.enabled === enabled) return;
    entry.model = Object.freeze({ ...entry.model, enabled });
    this.changes += 1;
  }

  // ---- runtime statistics ----

  /** Feed one finished call. Unknown ids are ignored: a model removed mid-task may still report. */
  recordOutcome(id: string, report: OutcomeReport): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    entry.stats.record(report);
    this.latencyOrder.upsert(id, latencyKey(entry), entry);
    this.changes += 1;
    return true;
  }

  /** The resilience layer's breaker state; routing rejects "open" and discounts "half-open". */
  setHealth(id: string, health: HealthState): void {
    if (!(HEALTH_STATES as readonly string[]).includes(health)) throw new InvalidInputError("health", `unknown state "${health}"`);
    const entry = this.require(id);
    if (entry.stats.health === health) return;
    entry.stats.health = health;
    this.changes += 1;
  }

  getStats(id: string): RuntimeStatsSnapshot {
    return this.require(id).stats.snapshot();
  }

  // ---- RoutingIndex ----

  get size(): number {
    return this.entries.size;
  }

  get version(): number {
    return this.changes;
  }

  byCapability(capability: Capability): OrderedView<RegistryEntry> {
    return this.capabilityOrder[CAPABILITY_INDEX[capability]] as SortedIndex<RegistryEntry>;
  }

  byInputPrice(): OrderedView<RegistryEntry> {
    return this.inputPriceOrder;
  }

  byOutputPrice(): OrderedView<RegistryEntry> {
    return this.outputPriceOrder;
  }

  byContextWindow(): OrderedView<RegistryEntry> {
    return this.contextOrder;
  }

  byLatencyP95(): OrderedView<RegistryEntry> {
    return this.latencyOrder;
  }

  tiers(): readonly PriceTier[] {
    return this.priceTiers;
  }

  entryAt(i: number): RegistryEntry | undefined {
    return this.dense[i];
  }

  entry(id: string): RegistryEntry | undefined {
    return this.entries.get(id);
  }

  // ---- internals ----

  private require(id: string): MutableEntry {
    const entry = this.entries.get(id);
    if (!entry) throw new NotFoundError("Model", id);
    return entry;
  }

  private indexCapabilities(entry: MutableEntry): void {
    // SortedIndex.upsert leaves an entry in place when its key did not change, so untouched capabilities cost a lookup.
    for (let i = 0; i < CAPABILITIES.length; i++) {
      (this.capabilityOrder[i] as SortedIndex<RegistryEntry>).upsert(entry.id, entry.means[i] as number, entry);
    }
    this.priceTiers[entry.tier]?.upsert(entry);
  }

  private indexAll(entry: MutableEntry): void {
    const tier = tierOf(entry.model.pricing.outputUsdPerMTok);
    if (entry.tier !== tier) {
      this.priceTiers[entry.tier]?.delete(entry.id);
      entry.tier = tier;
    }
    this.indexCapabilities(entry);
    this.inputPriceOrder.upsert(entry.id, entry.model.pricing.inputUsdPerMTok, entry);
    this.outputPriceOrder.upsert(entry.id, entry.model.pricing.outputUsdPerMTok, entry);
    this.contextOrder.upsert(entry.id, entry.model.contextWindow, entry);
    this.latencyOrder.upsert(entry.id, latencyKey(entry), entry);
  }
}

/** Key of the latency ordering: the trusted measured p95, or the largest finite number until there is one. */
function latencyKey(entry: RegistryEntry): number {
  return entry.stats.trustedP95() ?? Number.MAX_VALUE;
}

export function createModelRegistry(models: readonly LLMModel[] = [], statsConfig?: RuntimeStatsConfig): InMemoryModelRegistry {
  const registry = new InMemoryModelRegistry(statsConfig);
  for (const model of models) registry.upsertModel(model);
  return registry;
}

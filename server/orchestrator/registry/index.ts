export { createModelRegistry, InMemoryModelRegistry } from "./model-registry";
export { CAPABILITY_INDEX, type RegistryEntry } from "./entry";
export type { RoutingIndex } from "./routing-index";
export {
  DEFAULT_RUNTIME_STATS_CONFIG,
  HEALTH_STATES,
  MIN_LATENCY_SAMPLES,
  RuntimeStats,
  type HealthState,
  type OutcomeReport,
  type RuntimeStatsConfig,
  type RuntimeStatsSnapshot,
} from "./runtime-stats";
export { SortedIndex, type OrderedView, type SortDirection } from "./sorted-index";
export { tierOf, TIER_COUNT, TIERS_PER_DECADE, type PriceTier } from "./price-buckets";

/** Adaptive capability discovery: Beta posteriors per capability, probes spent where they are most uncertain. */
export { runDiscovery, type DiscoveryError, type DiscoveryOptions, type DiscoveryResult } from "./run-discovery";
export { assertDiscovered, mergeDiscovered } from "./result";
export { DISCOVERY_DEFAULTS, resolveLimits, type DiscoveryLimits, type DiscoveryLimitsInput } from "./options";
export { isBroken, isGraded, type BrokenOutcome, type ErrorOutcome, type GradedOutcome, type ProbeItem, type ProbeOutcome, type Prober, type ProbeSource } from "./ports";
export type { DiscoveryProgress } from "./progress";
export { pickNext } from "./scheduler";
export { familyOfItem, interleaveFamilies, interleavedSource } from "./item-order";
export { CapabilityTally, type CapabilityEstimate, type StopReason } from "./tally";

import { DomainError } from "../../errors";
import type { Capability, CapabilityScore, ModelCapabilities } from "../../spec";
import type { DiscoveryResult } from "./run-discovery";

/**
 * A failed run as the DomainError the API maps to a provider failure, for callers that want discovery to
 * throw; the message is the provider's own, prefixed with the model.
 */
export function assertDiscovered<C extends Capability>(result: DiscoveryResult<C>): DiscoveryResult<C> {
  if (result.status === "failed" && result.failure) {
    throw new DomainError("PROVIDER_ERROR", `discovery of ${result.modelId} stopped after ${result.failure.consecutiveErrors} failed calls in a row: ${result.failure.message}`, {
      modelId: result.modelId,
      errors: result.errors.length,
    });
  }
  return result;
}

/**
 * The discovered posteriors written over a model's profile, for registry.updateCapabilities. Capabilities
 * without a graded probe keep their previous score (a prior is no discovery), and so does a manual
 * override: an operator's number stands until the operator removes it.
 */
export function mergeDiscovered<C extends Capability>(previous: ModelCapabilities, result: DiscoveryResult<C>): ModelCapabilities {
  const next: Record<Capability, CapabilityScore> = { ...previous };
  for (const [capability, estimate] of Object.entries(result.capabilities) as [C, DiscoveryResult<C>["capabilities"][C]][]) {
    if (estimate.probes === 0 || previous[capability].source === "manual") continue;
    next[capability] = { alpha: estimate.alpha, beta: estimate.beta, mean: estimate.mean, source: "discovered" };
  }
  return next;
}

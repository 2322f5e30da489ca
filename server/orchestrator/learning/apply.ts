import { CAPABILITIES, type Capability, type CapabilityScore, type ModelCapabilities } from "../spec";
import { posteriorMean, type Posterior } from "./posterior";

/**
 * Learned posteriors written into a model's capabilities, for registry.updateCapabilities. A manual
 * score keeps its mean and its "manual" source (the operator's number stands; the evidence behind it still
 * accrues, so removing the override later shows what was learned meanwhile). Everything else becomes
 * "learned" with mean alpha / (alpha + beta).
 */
export function applyLearned(capabilities: ModelCapabilities, updates: Partial<Record<Capability, Posterior>>): ModelCapabilities {
  const next: Record<Capability, CapabilityScore> = { ...capabilities };
  for (const capability of CAPABILITIES) {
    const update = updates[capability];
    if (!update) continue;
    const previous = capabilities[capability];
    next[capability] =
      previous.source === "manual"
        ? { alpha: update.alpha, beta: update.beta, mean: previous.mean, source: "manual" }
        : { alpha: update.alpha, beta: update.beta, mean: posteriorMean(update), source: "learned" };
  }
  return next;
}

import type { InMemoryModelRegistry } from "../../registry/model-registry";
import { CAPABILITIES, type Capability, type CapabilityScore, type LLMModel, type ModelCapabilities, type RandomSource, type TaskRequirements } from "../../spec";

const pick = <T>(random: RandomSource, items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;

export function randomCapabilities(random: RandomSource): ModelCapabilities {
  const strength = 0.2 + 0.7 * random.next();
  return Object.fromEntries(
    CAPABILITIES.map((c): [Capability, CapabilityScore] => {
      const mean = Math.min(0.99, Math.max(0.01, strength + 0.3 * (random.next() - 0.5)));
      const n = 2 + 100 * random.next();
      // now and then a manual override whose mean is not alpha/(alpha+beta)
      const manual = random.next() < 0.05;
      return [c, { alpha: mean * n, beta: (1 - mean) * n, mean: manual ? random.next() : mean, source: manual ? "manual" : "learned" }];
    }),
  ) as ModelCapabilities;
}

export function randomModel(id: string, random: RandomSource): LLMModel {
  const output = Math.exp(Math.log(0.05) + random.next() * (Math.log(80) - Math.log(0.05)));
  return {
    id,
    name: id,
    providerId: `p${Math.floor(random.next() * 5)}`,
    providerKind: "openai-compatible",
    remoteModel: id,
    contextWindow: pick(random, [4_000, 8_000, 32_000, 128_000, 200_000]),
    pricing: { inputUsdPerMTok: output * (0.1 + 0.5 * random.next()), outputUsdPerMTok: output },
    enabled: random.next() > 0.1,
    capabilities: randomCapabilities(random),
  };
}

/** Adds n random models and a little runtime history (latencies, failures, an open breaker or two). */
export function fillRandom(registry: InMemoryModelRegistry, n: number, random: RandomSource, prefix = "r"): void {
  for (let i = 0; i < n; i++) {
    const id = `${prefix}${String(i).padStart(4, "0")}`;
    registry.upsertModel(randomModel(id, random));
    const calls = Math.floor(random.next() * 6);
    for (let k = 0; k < calls; k++) registry.recordOutcome(id, { latencyMs: 200 + 20_000 * random.next(), ok: random.next() > 0.1 });
    if (random.next() < 0.03) registry.setHealth(id, "open");
    else if (random.next() < 0.03) registry.setHealth(id, "half-open");
  }
}

/** `tight`: selective constraints (few models pass), the case the router answers from constraint orderings. */
export function randomRequirements(random: RandomSource, options: { constraints?: boolean; tight?: boolean } = {}): TaskRequirements {
  const capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, 0])) as Record<Capability, number>;
  const primary = pick(random, CAPABILITIES);
  capabilities[primary] = 1;
  const extra = Math.floor(random.next() * 4);
  for (let i = 0; i < extra; i++) capabilities[pick(random, CAPABILITIES)] += 0.05 + 0.6 * random.next();
  const inputTokens = Math.floor(20 + 8000 * random.next());
  const constrained = options.constraints ?? true;
  if (options.tight) {
    const which = Math.floor(random.next() * 4);
    return {
      capabilities,
      primary,
      format: pick(random, ["text", "json", "code", "short-answer", "list"] as const),
      inputTokens,
      contextTokens: which === 0 ? 150_000 : inputTokens,
      constraints: {
        maxCostUsd: which === 1 ? 0.00005 + 0.0005 * random.next() : undefined,
        maxLatencyMs: which === 2 ? 1_000 + 4_000 * random.next() : undefined,
        minQuality: which === 3 ? 0.75 + 0.2 * random.next() : undefined,
      },
      confidence: 1,
      evidence: [],
    };
  }
  return {
    capabilities,
    primary,
    format: pick(random, ["text", "json", "code", "short-answer", "list"] as const),
    inputTokens,
    contextTokens: constrained && random.next() < 0.2 ? pick(random, [30_000, 100_000, 150_000]) : inputTokens,
    constraints: constrained
      ? {
          maxCostUsd: random.next() < 0.3 ? 0.0005 + 0.03 * random.next() : undefined,
          maxLatencyMs: random.next() < 0.3 ? 3_000 + 40_000 * random.next() : undefined,
          minQuality: random.next() < 0.3 ? 0.3 + 0.5 * random.next() : undefined,
        }
      : {},
    confidence: 1,
    evidence: [],
  };
}

import { InMemoryModelRegistry, createModelRegistry } from "../../registry/model-registry";
import { CAPABILITIES, type Capability, type CapabilityScore, type LLMModel, type ModelCapabilities, type TaskRequirements } from "../../spec";

/** Capability scores around `base`, each backed by `strength` pseudo-observations. */
export function profile(base: number, overrides: Partial<Record<Capability, number>> = {}, strength = 40): ModelCapabilities {
  return Object.fromEntries(
    CAPABILITIES.map((c): [Capability, CapabilityScore] => {
      const mean = overrides[c] ?? base;
      return [c, { alpha: mean * strength, beta: (1 - mean) * strength, mean, source: "seed" }];
    }),
  ) as ModelCapabilities;
}

export function model(
  id: string,
  fields: { provider: string; input: number; output: number; context: number; caps: ModelCapabilities; enabled?: boolean },
): LLMModel {
  return {
    id,
    name: id,
    providerId: fields.provider,
    providerKind: "openai-compatible",
    remoteModel: id,
    contextWindow: fields.context,
    pricing: { inputUsdPerMTok: fields.input, outputUsdPerMTok: fields.output },
    enabled: fields.enabled ?? true,
    capabilities: fields.caps,
  };
}

/**
 * The handmade roster the policy tests reason about:
 *  atlas  strong, expensive generalist      swift  cheap small model, decent at classification
 *  euclid math specialist                   forge  code specialist
 *  quill  writer                            glitch cheap, strong on paper, fails often (made flaky by flakify)
 */
export function handmadeRoster(): LLMModel[] {
  return [
    model("atlas", { provider: "acme", input: 10, output: 30, context: 200_000, caps: profile(0.86, { math: 0.84, code: 0.85, reasoning: 0.9, chat: 0.9 }) }),
    model("swift", { provider: "budget", input: 0.1, output: 0.4, context: 32_000, caps: profile(0.55, { classification: 0.83, extraction: 0.8, chat: 0.72, math: 0.45, code: 0.4 }) }),
    model("euclid", { provider: "numera", input: 1, output: 3, context: 64_000, caps: profile(0.45, { math: 0.94, reasoning: 0.82 }) }),
    model("forge", { provider: "forgeworks", input: 0.8, output: 2.4, context: 128_000, caps: profile(0.5, { code: 0.92, reasoning: 0.7, extraction: 0.75, math: 0.62 }) }),
    model("quill", { provider: "inkwell", input: 0.6, output: 1.8, context: 100_000, caps: profile(0.5, { writing: 0.92, brainstorming: 0.86, roleplay: 0.88, summarization: 0.82, chat: 0.8, math: 0.3, code: 0.3 }) }),
    model("glitch", { provider: "budget", input: 0.2, output: 0.6, context: 32_000, caps: profile(0.8, { classification: 0.8, chat: 0.82 }) }),
  ];
}

/** Record enough failures that glitch's error rate is ~40%. */
export function flakify(registry: InMemoryModelRegistry, id = "glitch"): void {
  for (let i = 0; i < 30; i++) registry.recordOutcome(id, { latencyMs: 800, ok: i % 5 >= 2, errorKind: i % 5 >= 2 ? undefined : "server" });
}

export function handmadeRegistry(options: { flaky?: boolean } = {}): InMemoryModelRegistry {
  const registry = createModelRegistry(handmadeRoster());
  if (options.flaky ?? true) flakify(registry);
  return registry;
}

export function requirements(primary: Capability, overrides: Partial<TaskRequirements> = {}): TaskRequirements {
  const capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, 0])) as Record<Capability, number>;
  capabilities[primary] = 1;
  return {
    capabilities,
    primary,
    format: "text",
    inputTokens: 400,
    contextTokens: 0,
    constraints: {},
    confidence: 1,
    evidence: [],
    ...overrides,
  };
}

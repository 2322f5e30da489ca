import { z } from "zod";
import { CAPABILITIES, type Capability, type ModelCapabilities } from "./capability";

export const PROVIDER_KINDS = ["openai-compatible", "openai", "anthropic", "simulated"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const latencyProfileSchema = z.object({
  /** time to first token, ms */
  ttftMs: z.number().min(0).max(120_000),
  tokensPerSec: z.number().positive().max(100_000),
  /** relative jitter applied to both, 0..1 */
  jitter: z.number().min(0).max(1),
});
export type LatencyProfile = z.infer<typeof latencyProfileSchema>;

export const faultProfileSchema = z.object({
  /** probability of a plain provider error (HTTP 500) */
  errorRate: z.number().min(0).max(1).default(0),
  /** probability of HTTP 429 with Retry-After */
  rateLimitRate: z.number().min(0).max(1).default(0),
  /** probability the call hangs past its timeout */
  timeoutRate: z.number().min(0).max(1).default(0),
  /** probability a stream is cut mid-way without a finish reason */
  cutStreamRate: z.number().min(0).max(1).default(0),
});
export type FaultProfile = z.infer<typeof faultProfileSchema>;

const skillsShape = Object.fromEntries(
  CAPABILITIES.map((c) => [c, z.number().min(0).max(1).optional()]),
) as Record<Capability, z.ZodOptional<z.ZodNumber>>;

export const simulatedConfigSchema = z.object({
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  /** hidden true probability of a correct answer per capability; missing ones default low */
  skills: z.object(skillsShape).strict(),
  latency: latencyProfileSchema,
  faults: faultProfileSchema,
});
export type SimulatedConfig = z.infer<typeof simulatedConfigSchema>;

/** Skill a simulated model has on a capability its spec leaves out. */
export const DEFAULT_SIMULATED_SKILL = 0.2;

export interface ModelPricing {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
}

/** A model on the roster, as the orchestrator sees it (no secrets). */
export interface ModelSpec {
  id: string;
  name: string;
  providerId: string;
  providerKind: ProviderKind;
  /** the name the provider knows the model by */
  remoteModel: string;
  contextWindow: number;
  pricing: ModelPricing;
  enabled: boolean;
  simulated?: SimulatedConfig;
}

export interface LLMModel extends ModelSpec {
  capabilities: ModelCapabilities;
}

export function costUsd(pricing: ModelPricing, inputTokens: number, outputTokens: number): number {
  return (inputTokens * pricing.inputUsdPerMTok + outputTokens * pricing.outputUsdPerMTok) / 1_000_000;
}

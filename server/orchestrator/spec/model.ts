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

const ms = (min: number, max: number) =>
  z
    .number({ error: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(min, `must be at least ${min.toLocaleString("en-US")} ms`)
    .max(max, `must be at most ${max.toLocaleString("en-US")} ms`);
const count = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min.toLocaleString("en-US")}`)
    .max(max, `must be at most ${max.toLocaleString("en-US")}`);

/**
 * When a model's circuit breaker opens: after `consecutiveFailures` failed calls in a row, or (when
 * `failureRatio` is set) once that share of its last `window` calls failed, counted from `window / 2` calls on.
 * It stays open `halfOpenAfterMs`, then lets one probe call through: success closes it, failure re-opens it.
 */
export const breakerSettingsSchema = z.object({
  consecutiveFailures: count(1, 1000),
  failureRatio: z
    .number({ error: "must be a number" })
    .min(0.05, "must be at least 0.05")
    .max(0.95, "must be at most 0.95")
    .nullable(),
  window: count(2, 10_000),
  halfOpenAfterMs: ms(100, 3_600_000),
});
export type BreakerSettings = z.infer<typeof breakerSettingsSchema>;

/** How many calls to one model may run at once, and how many may wait for a slot before callers fall back. */
export const bulkheadSettingsSchema = z.object({
  maxConcurrent: count(1, 10_000),
  maxQueued: count(0, 100_000),
});
export type BulkheadSettings = z.infer<typeof bulkheadSettingsSchema>;

/** Per-model resilience: timeouts, retries with backoff, circuit breaker and bulkhead. */
export const resilienceSettingsSchema = z
  .object({
    /** a stream must deliver its first text within this (plain calls: see totalTimeoutMs) */
    firstTokenTimeoutMs: ms(100, 600_000),
    /** one attempt, start to finish */
    totalTimeoutMs: ms(100, 3_600_000),
    /** retries after the first attempt, for 429, 5xx, timeouts and network errors only */
    maxRetries: count(0, 10),
    /** first backoff; doubles per retry, ±25% jitter */
    baseBackoffMs: ms(0, 60_000),
    /** ceiling for a backoff or a provider's Retry-After */
    maxBackoffMs: ms(0, 600_000),
    breaker: breakerSettingsSchema,
    bulkhead: bulkheadSettingsSchema,
  })
  .superRefine((s, ctx) => {
    if (s.firstTokenTimeoutMs > s.totalTimeoutMs) {
      ctx.addIssue({ code: "custom", path: ["firstTokenTimeoutMs"], message: `must be at most the total timeout (${s.totalTimeoutMs} ms)` });
    }
    if (s.baseBackoffMs > s.maxBackoffMs) {
      ctx.addIssue({ code: "custom", path: ["baseBackoffMs"], message: `must be at most the max backoff (${s.maxBackoffMs} ms)` });
    }
  });
export type ResilienceSettings = z.infer<typeof resilienceSettingsSchema>;

/** What a model without its own settings gets. */
export const DEFAULT_RESILIENCE_SETTINGS: ResilienceSettings = {
  firstTokenTimeoutMs: 30_000,
  totalTimeoutMs: 120_000,
  maxRetries: 2,
  baseBackoffMs: 500,
  maxBackoffMs: 30_000,
  breaker: { consecutiveFailures: 5, failureRatio: 0.5, window: 20, halfOpenAfterMs: 30_000 },
  bulkhead: { maxConcurrent: 32, maxQueued: 256 },
};

/** Skill a simulated model has on a capability its spec leaves out. */
export const DEFAULT_SIMULATED_SKILL = 0.2;

/** The highest price Ensemble accepts, in USD per million tokens (roster models and lab data alike). */
export const MAX_USD_PER_MTOK = 10_000;

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
  /** per-model timeouts, retries, breaker and bulkhead; the engine's defaults when absent */
  resilience?: ResilienceSettings;
}

export interface LLMModel extends ModelSpec {
  capabilities: ModelCapabilities;
}

export function costUsd(pricing: ModelPricing, inputTokens: number, outputTokens: number): number {
  return (inputTokens * pricing.inputUsdPerMTok + outputTokens * pricing.outputUsdPerMTok) / 1_000_000;
}

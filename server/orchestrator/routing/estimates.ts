import type { RegistryEntry } from "../registry/entry";
import type { HealthState } from "../registry/runtime-stats";
import type { DecisionContext, WeightedCapability } from "./context";

/** What we expect of one model on one task, before any policy weighs it. */
export interface Estimate {
  /** Σ weight × effective posterior mean */
  quality: number;
  /** standard deviation of that weighted mean (independent Betas) */
  uncertainty: number;
  costUsd: number;
  latencyMs: number;
  latencyP95Ms: number;
  /** false while the latency is the price-based prior */
  latencyMeasured: boolean;
  errorRate: number;
  health: HealthState;
  /** probability a call delivers: (1 − error rate), × 0.8 while the breaker is half-open */
  healthFactor: number;
}

/** A half-open breaker is letting trial calls through: usable, but not what we lean on. */
const HALF_OPEN_FACTOR = 0.8;
/** p95/p50 assumed for the prior (no data on the tail yet) */
export const PRIOR_TAIL_RATIO = 1.6;
/** prefill speed assumed for the prior, tokens per ms */
const PRIOR_PREFILL_TOKENS_PER_MS = 20;

export function weightedQuality(entry: RegistryEntry, weights: readonly WeightedCapability[]): number {
  let q = 0;
  for (const w of weights) q += w.weight * (entry.means[w.index] as number);
  return q;
}

function weightedUncertainty(entry: RegistryEntry, weights: readonly WeightedCapability[]): number {
  let v = 0;
  for (const w of weights) v += w.weight * w.weight * (entry.variances[w.index] as number);
  return Math.sqrt(v);
}

/**
 * Latency before any measurement, from price alone: pricier models are, as a rule, larger, so slower to
 * the first token and fewer tokens per second. Coarse on purpose; three measured calls replace it.
 * $0.4/M out → ~130 tok/s, $30/M → ~55 tok/s.
 */
export function priorLatencyMs(outputUsdPerMTok: number, inputTokens: number, outputTokens: number): number {
  const size = Math.log(1 + outputUsdPerMTok);
  const ttftMs = 250 + 60 * size + inputTokens / PRIOR_PREFILL_TOKENS_PER_MS;
  const tokensPerSec = 150 / (1 + 0.5 * size);
  return ttftMs + (outputTokens / tokensPerSec) * 1000;
}

/** Same arithmetic as spec costUsd(), on the entry's plain price fields (see RegistryEntry). */
export function expectedCost(entry: RegistryEntry, ctx: DecisionContext): number {
  return (ctx.inputTokens * entry.inputPrice + ctx.outputTokens * entry.outputPrice) / 1_000_000;
}

export function estimate(entry: RegistryEntry, ctx: DecisionContext): Estimate {
  const { stats } = entry;
  // measured once there are enough samples (MIN_LATENCY_SAMPLES), else the price-based prior
  const p95 = stats.trustedP95();
  const measured = p95 !== undefined;
  const prior = measured ? 0 : priorLatencyMs(entry.outputPrice, ctx.inputTokens, ctx.outputTokens);
  const latencyMs = measured ? (stats.trustedP50() as number) : prior;
  const latencyP95Ms = measured ? p95 : prior * PRIOR_TAIL_RATIO;
  const errorRate = stats.rate;
  const health = stats.health;
  return {
    quality: weightedQuality(entry, ctx.weights),
    uncertainty: weightedUncertainty(entry, ctx.weights),
    costUsd: expectedCost(entry, ctx),
    latencyMs,
    latencyP95Ms,
    latencyMeasured: measured,
    errorRate,
    health,
    healthFactor: (1 - errorRate) * (health === "half-open" ? HALF_OPEN_FACTOR : 1),
  };
}

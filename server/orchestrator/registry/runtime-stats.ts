import type { ProviderErrorKind } from "../errors";

/** Circuit-breaker state. The resilience layer owns the breaker and writes it here; routing only reads it. */
export type HealthState = "closed" | "open" | "half-open";
export const HEALTH_STATES = ["closed", "open", "half-open"] as const;

/** One finished model call, as the engine reports it. */
export interface OutcomeReport {
  latencyMs: number;
  ok: boolean;
  errorKind?: ProviderErrorKind;
}

export interface RuntimeStatsSnapshot {
  /** calls whose latency was recorded */
  latencySamples: number;
  /** calls counted in the error rate */
  outcomes: number;
  /** undefined until a latency was recorded */
  latencyP50Ms?: number;
  latencyP95Ms?: number;
  /** EWMA of the failure indicator, started from a small prior */
  errorRate: number;
  health: HealthState;
}

export interface RuntimeStatsConfig {
  /** EWMA weight of a new latency sample once warmed up */
  latencyAlpha: number;
  /** EWMA weight of a new outcome once warmed up */
  errorAlpha: number;
  /** error rate assumed before any outcome */
  errorPrior: number;
  /** how many pseudo-outcomes the prior is worth: one early failure must not brand a model as broken */
  errorPriorStrength: number;
}

export const DEFAULT_RUNTIME_STATS_CONFIG: RuntimeStatsConfig = {
  latencyAlpha: 0.1,
  errorAlpha: 0.1,
  errorPrior: 0.02,
  errorPriorStrength: 5,
};

/**
 * Measured latency is trusted from this many samples on; before that routing uses its price-based
 * prior. A hard switch rather than a blend on purpose: it keeps "expected p95" a per-model number
 * the registry can keep sorted (RoutingIndex.byLatencyP95), so a latency cap can be checked
 * against an ordering instead of model by model.
 */
export const MIN_LATENCY_SAMPLES = 3;

/** z for the 95th percentile of a normal */
const Z95 = 1.6448536269514722;

/**
 * Per-model runtime statistics, updated in O(1) per outcome.
 *
 * Latency is modelled as log-normal (latencies are right-skewed: a mean of raw milliseconds is pulled
 * by the tail), so we keep an EWMA of ln(latency) and an EWMA of its squared deviation; p50 = e^μ and
 * p95 = e^(μ + 1.645σ). While warming up the weight is max(alpha, 1/n), i.e. a plain running mean, so
 * the first sample does not dominate for the next twenty.
 */
export class RuntimeStats {
  private latencySamples = 0;
  private logMean = 0;
  private logVar = 0;
  private outcomes = 0;
  private errorRate: number;
  health: HealthState = "closed";

  constructor(private readonly config: RuntimeStatsConfig = DEFAULT_RUNTIME_STATS_CONFIG) {
    this.errorRate = config.errorPrior;
  }

  record(report: OutcomeReport): void {
    // A call we cancelled ourselves says nothing about the model.
    if (report.errorKind === "aborted") return;
    this.recordError(report.ok ? 0 : 1);
    // Failed calls usually return fast (or report 0 ms); only a timeout's duration tells us about the tail.
    const latencyCounts = report.ok || report.errorKind === "timeout";
    if (latencyCounts && Number.isFinite(report.latencyMs) && report.latencyMs > 0) this.recordLatency(report.latencyMs);
  }

  private recordLatency(ms: number): void {
    this.latencySamples += 1;
    const a = Math.max(this.config.latencyAlpha, 1 / this.latencySamples);
    const x = Math.log(Math.max(1, ms));
    const d = x - this.logMean;
    this.logMean += a * d;
    this.logVar = (1 - a) * (this.logVar + a * d * d);
  }

  private recordError(failed: 0 | 1): void {
    this.outcomes += 1;
    const a = Math.max(this.config.errorAlpha, 1 / (this.outcomes + this.config.errorPriorStrength));
    this.errorRate += a * (failed - this.errorRate);
  }

  get samples(): number {
    return this.latencySamples;
  }

  get rate(): number {
    return this.errorRate;
  }

  p50(): number | undefined {
    return this.latencySamples > 0 ? Math.exp(this.logMean) : undefined;
  }

  p95(): number | undefined {
    return this.latencySamples > 0 ? Math.exp(this.logMean + Z95 * Math.sqrt(this.logVar)) : undefined;
  }

  /** p50/p95 once there are MIN_LATENCY_SAMPLES samples, else undefined */
  trustedP50(): number | undefined {
    return this.latencySamples >= MIN_LATENCY_SAMPLES ? this.p50() : undefined;
  }

  trustedP95(): number | undefined {
    return this.latencySamples >= MIN_LATENCY_SAMPLES ? this.p95() : undefined;
  }

  snapshot(): RuntimeStatsSnapshot {
    return {
      latencySamples: this.latencySamples,
      outcomes: this.outcomes,
      latencyP50Ms: this.p50(),
      latencyP95Ms: this.p95(),
      errorRate: this.errorRate,
      health: this.health,
    };
  }
}

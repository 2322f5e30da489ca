import type { Capability } from "../../spec";
import { summarizeBeta, type BetaSummary } from "../../learning/beta";
import type { DiscoveryLimits } from "./options";
import type { ProbeItem, ProbeSource } from "./ports";

/** Why a capability stopped being probed. */
export type StopReason =
  /** its 90% interval reached the target width */
  | "target"
  /** maxProbesPerCapability graded probes */
  | "max-probes"
  /** the run's budget ran out first */
  | "budget"
  /** its suite has no unasked items left */
  | "exhausted"
  /** as many broken items as the probe cap: the suite, not the model, needs fixing */
  | "broken-suite"
  /** the run ended on consecutive provider errors */
  | "failed"
  | "cancelled";

/** What discovery found for one capability. */
export interface CapabilityEstimate extends BetaSummary {
  alpha: number;
  beta: number;
  /** graded probes (pass + fail); broken items and errors are not counted */
  probes: number;
  passes: number;
  failures: number;
  /** ids of items the prober reported broken, skipped */
  broken: string[];
  /** average over graded probes that reported a latency; null before the first */
  latencyMsAvg: number | null;
  costUsdTotal: number;
  stopReason: StopReason | null;
}

/** The running state of one capability: its posterior, its counts, its in-flight probes. */
export class CapabilityTally<I extends ProbeItem = ProbeItem> {
  alpha: number;
  beta: number;
  probes = 0;
  passes = 0;
  failures = 0;
  readonly broken: string[] = [];
  /** every id handed out in this run: the source's exclude set */
  readonly asked = new Set<string>();
  inFlight = 0;
  stopReason: StopReason | null = null;
  private latencySum = 0;
  private latencyCount = 0;
  private costSum = 0;

  constructor(
    readonly capability: Capability,
    readonly source: ProbeSource<I>,
    prior: { alpha: number; beta: number },
  ) {
    this.alpha = prior.alpha;
    this.beta = prior.beta;
  }

  get stopped(): boolean {
    return this.stopReason !== null;
  }

  record(pass: boolean, latencyMs: number, costUsd: number): void {
    this.probes += 1;
    if (pass) {
      this.passes += 1;
      this.alpha += 1;
    } else {
      this.failures += 1;
      this.beta += 1;
    }
    // a prober that cannot measure may send NaN; it must not poison the averages
    if (Number.isFinite(latencyMs)) {
      this.latencySum += latencyMs;
      this.latencyCount += 1;
    }
    if (Number.isFinite(costUsd)) this.costSum += costUsd;
  }

  summary(): BetaSummary {
    return summarizeBeta(this.alpha, this.beta);
  }

  /**
   * Posterior variance once the in-flight probes are in, taking the mean as it stands: m(1−m)/(n+k+1). Used
   * to rank capabilities, so that with several probes in flight they spread out instead of all going to the
   * capability that was most uncertain when the first was launched.
   */
  projectedVariance(): number {
    const n = this.alpha + this.beta;
    const m = this.alpha / n;
    return (m * (1 - m)) / (n + this.inFlight + 1);
  }

  /** May another probe be launched (its result still counting within the cap)? */
  launchable(limits: DiscoveryLimits): boolean {
    return !this.stopped && this.probes + this.inFlight < limits.maxProbesPerCapability;
  }

  /** The stop rule, checked after every graded result. */
  evaluate(limits: DiscoveryLimits): void {
    if (this.stopped) return;
    if (this.probes >= limits.maxProbesPerCapability) this.stopReason = "max-probes";
    else if (this.probes >= limits.minProbesPerCapability) {
      const { low, high } = this.summary();
      if (high - low <= limits.targetWidth) this.stopReason = "target";
    }
  }

  estimate(): CapabilityEstimate {
    return {
      alpha: this.alpha,
      beta: this.beta,
      ...this.summary(),
      probes: this.probes,
      passes: this.passes,
      failures: this.failures,
      broken: [...this.broken],
      latencyMsAvg: this.latencyCount > 0 ? this.latencySum / this.latencyCount : null,
      costUsdTotal: this.costSum,
      stopReason: this.stopReason,
    };
  }
}

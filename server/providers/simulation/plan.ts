import type { FaultProfile, LatencyProfile, RandomSource } from "@/server/orchestrator/spec";

/** What goes wrong with one call, if anything. */
export type SimulatedFault = "none" | "server" | "rate-limit" | "timeout" | "cut-stream";

export interface CallPlan {
  fault: SimulatedFault;
  /** for "rate-limit": what the 429 says in Retry-After */
  retryAfterMs: number;
  ttftMs: number;
  msPerToken: number;
}

/**
 * Draws one call's fault and latency from the client's PRNG stream. Always five draws per call, whatever
 * the outcome, so a fault on one call never shifts the latency of the next. One uniform draw is split into
 * consecutive bands for the errors that replace an answer (error, 429, timeout), so each fires at exactly
 * its configured rate while their sum stays ≤ 1; a cut stream is a separate draw, since it spoils an
 * answer that was otherwise coming.
 */
export function planCall(faults: FaultProfile, latency: LatencyProfile, random: RandomSource): CallPlan {
  const faultDraw = random.next();
  const cutDraw = random.next();
  const retryDraw = random.next();
  const ttftJitter = jitterFactor(latency.jitter, random.next());
  const speedJitter = jitterFactor(latency.jitter, random.next());

  let fault: SimulatedFault = "none";
  if (faultDraw < faults.errorRate) fault = "server";
  else if (faultDraw < faults.errorRate + faults.rateLimitRate) fault = "rate-limit";
  else if (faultDraw < faults.errorRate + faults.rateLimitRate + faults.timeoutRate) fault = "timeout";
  else if (cutDraw < faults.cutStreamRate) fault = "cut-stream";

  return {
    fault,
    retryAfterMs: 1000 * (1 + Math.floor(retryDraw * 5)),
    ttftMs: Math.round(latency.ttftMs * ttftJitter),
    msPerToken: 1000 / (latency.tokensPerSec * speedJitter),
  };
}

/** 1 ± jitter, uniformly; never below a tenth so a full jitter cannot make a model infinitely fast. */
function jitterFactor(jitter: number, draw: number): number {
  return Math.max(0.1, 1 + jitter * (2 * draw - 1));
}

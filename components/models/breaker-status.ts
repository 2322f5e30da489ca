import type { BreakerState } from "@/server/orchestrator/spec";

/** What `models.breakers` returns per model (server/services/breakers.ts BreakerSnapshot). */
export interface BreakerView {
  modelId: string;
  state: BreakerState;
  failures: number;
  openedAt: number | null;
  nextProbeAt: number | null;
}

export interface BreakerStatus {
  state: BreakerState;
  label: string;
  tone: "green" | "amber" | "red";
  /** the full sentence, for a tooltip */
  title: string;
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 120 ? `${s}s` : `${Math.ceil(s / 60)}m`;
}

/** A model's breaker as a badge: its state, and for an open one when it will probe again (relative to `now`). */
export function describeBreaker(breaker: BreakerView | undefined, now: number): BreakerStatus {
  if (!breaker || breaker.state === "closed") {
    const failures = breaker?.failures ?? 0;
    return {
      state: "closed",
      label: "closed",
      tone: "green",
      title: failures > 0 ? `Circuit breaker closed; ${failures} failed call${failures === 1 ? "" : "s"} in a row` : "Circuit breaker closed: calls flow normally",
    };
  }
  if (breaker.state === "half-open") {
    return { state: "half-open", label: "half-open · probing", tone: "amber", title: "Circuit breaker half-open: one probe call is running; success closes it" };
  }
  const due = breaker.nextProbeAt === null ? null : breaker.nextProbeAt - now;
  const label = due === null ? "open" : due > 0 ? `open · probe in ${seconds(due)}` : "open · probe on next call";
  const at = breaker.nextProbeAt === null ? "" : ` Next probe at ${new Date(breaker.nextProbeAt).toISOString().slice(11, 19)} UTC.`;
  return { state: "open", label, tone: "red", title: `Circuit breaker open after ${breaker.failures} failed calls: tasks skip this model.${at}` };
}

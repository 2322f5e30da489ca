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
  /** says "breaker": a bare "closed" next to "enabled" reads as the model being closed */
  label: string;
  /** what happens next (an open breaker's countdown), shown apart from the badge so the badge stays narrow */
  detail: string | null;
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
      label: "breaker closed",
      detail: null,
      tone: "green",
      title: failures > 0 ? `Circuit breaker closed; ${failures} failed call${failures === 1 ? "" : "s"} in a row` : "Circuit breaker closed: calls flow normally",
    };
  }
  if (breaker.state === "half-open") {
    return { state: "half-open", label: "breaker half-open", detail: "probing", tone: "amber", title: "Circuit breaker half-open: one probe call is running; success closes it" };
  }
  const due = breaker.nextProbeAt === null ? null : breaker.nextProbeAt - now;
  const detail = due === null ? null : due > 0 ? `probe in ${seconds(due)}` : "probe on next call";
  const at = breaker.nextProbeAt === null ? "" : ` Next probe at ${new Date(breaker.nextProbeAt).toISOString().slice(11, 19)} UTC.`;
  return { state: "open", label: "breaker open", detail, tone: "red", title: `Circuit breaker open after ${breaker.failures} failed calls: tasks skip this model.${at}` };
}

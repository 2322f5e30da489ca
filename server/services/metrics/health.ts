import type { HealthState } from "@/server/orchestrator/registry/runtime-stats";
import type { StepStats } from "./step-stats";

/** One model's circuit breaker as the resilience layer reports it (injected: see MetricsDeps.breakerSnapshot). */
export interface BreakerState {
  modelId: string;
  state: HealthState;
  failures: number;
  openedAt: number | null;
  nextProbeAt: number | null;
}

export interface RosterHealth {
  id: string;
  name: string;
  simulated: boolean;
  enabled: boolean;
  /** circuit-breaker state; "closed" for a model no breaker has seen yet */
  health: HealthState;
  /** consecutive failures the breaker counts, when the resilience layer reports them */
  breakerFailures: number | null;
  /** when an open breaker lets the next probe through; null when closed or unknown */
  nextProbeAt: number | null;
  /** the router's smoothed error rate (EWMA, in-process since start) */
  routerErrorRate: number | null;
  /** failed / finished calls in the selected range, from the rollups */
  recentErrorRate: number | null;
  requests: number;
}

export interface RegistryLike {
  findModel(id: string): unknown;
  getStats(id: string): { health: HealthState; errorRate: number };
}

export interface RosterEntry {
  id: string;
  name: string;
  isSimulated: boolean;
  enabled: boolean;
}

/**
 * Each roster model's health. The breakers' own snapshot is the authority when it is wired in; without it
 * the router registry's health (fed by the same call outcomes) stands in.
 */
export function rosterHealth(
  roster: readonly RosterEntry[],
  registry: RegistryLike,
  byModel: readonly StepStats[],
  breakers?: readonly BreakerState[],
  at: number = Date.now(),
): RosterHealth[] {
  const stats = new Map(byModel.map((s) => [s.key, s]));
  const breakerOf = new Map((breakers ?? []).map((b) => [b.modelId, b]));
  return roster.map((m) => {
    const live = registry.findModel(m.id) ? registry.getStats(m.id) : null;
    const breaker = breakerOf.get(m.id);
    const recent = stats.get(m.id);
    const finished = recent ? recent.completed + recent.failed : 0;
    return {
      id: m.id,
      name: m.name,
      simulated: m.isSimulated,
      enabled: m.enabled,
      health: breaker ? breakerHealth(breaker, at) : (live?.health ?? "closed"),
      breakerFailures: breaker ? breaker.failures : null,
      nextProbeAt: breaker?.nextProbeAt ?? null,
      routerErrorRate: live ? live.errorRate : null,
      recentErrorRate: finished ? recent!.failed / finished : null,
      requests: recent?.requests ?? 0,
    };
  });
}

/**
 * As routing sees it (services/breakers.ts routingHealth): an open breaker whose probe is due lets the next call
 * through, so it counts as half-open. Otherwise health would report "degraded" until a call arrives — and a load
 * balancer that stops sending calls on that answer would keep it there.
 */
function breakerHealth(breaker: BreakerState, at: number): HealthState {
  if (breaker.state === "open" && breaker.nextProbeAt !== null && at >= breaker.nextProbeAt) return "half-open";
  return breaker.state;
}

export interface BreakerCounts {
  open: number;
  halfOpen: number;
  closed: number;
}

export function breakerCounts(health: readonly { health: HealthState; enabled: boolean }[]): BreakerCounts {
  const out: BreakerCounts = { open: 0, halfOpen: 0, closed: 0 };
  for (const m of health) {
    if (!m.enabled) continue;
    if (m.health === "open") out.open += 1;
    else if (m.health === "half-open") out.halfOpen += 1;
    else out.closed += 1;
  }
  return out;
}

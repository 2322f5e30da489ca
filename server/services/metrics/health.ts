import type { HealthState } from "@/server/orchestrator/registry/runtime-stats";
import type { StepStats } from "./step-stats";

export interface RosterHealth {
  id: string;
  name: string;
  simulated: boolean;
  enabled: boolean;
  /** circuit-breaker state from the router's registry; "closed" for a model the router has not loaded yet */
  health: HealthState;
  /** the router's smoothed error rate (EWMA, in-process since start) */
  routerErrorRate: number | null;
  /** failed / finished calls in the selected range, from the database */
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

export function rosterHealth(roster: readonly RosterEntry[], registry: RegistryLike, byModel: readonly StepStats[]): RosterHealth[] {
  const stats = new Map(byModel.map((s) => [s.key, s]));
  return roster.map((m) => {
    const live = registry.findModel(m.id) ? registry.getStats(m.id) : null;
    const recent = stats.get(m.id);
    const finished = recent ? recent.completed + recent.failed : 0;
    return {
      id: m.id,
      name: m.name,
      simulated: m.isSimulated,
      enabled: m.enabled,
      health: live?.health ?? "closed",
      routerErrorRate: live ? live.errorRate : null,
      recentErrorRate: finished ? recent!.failed / finished : null,
      requests: recent?.requests ?? 0,
    };
  });
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

import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";

/** A capability's profile as models.get returns it. */
export interface CapabilityProfileLike {
  mean: number;
  low: number;
  high: number;
  source: string;
  manualScore: number | null;
  manualBy: string | null;
  manualAt: number | null;
  discoveredAt: number | null;
  observations: number;
}

export interface ManualOverride {
  score: number;
  by: string | null;
  at: number | null;
}

export interface ProfileRow {
  capability: Capability;
  /** the posterior: mean and exact 90% interval */
  mean: number;
  low: number;
  high: number;
  /** where the posterior came from: seed, discovered or learned */
  source: string;
  /** a hand-set score, kept apart from the posterior; routing uses it while set */
  manual: ManualOverride | null;
  /** the score routing uses */
  effective: number;
  observations: number;
  discoveredAt: number | null;
  /** "reset to discovered" would change something: an override to drop, or a learned posterior to roll back */
  canReset: boolean;
}

/** One bar of the profile chart: the interval as a floating bar, the mean and the override as marks. */
export interface ProfileChartDatum {
  capability: Capability;
  interval: [number, number];
  mean: number;
  manual: number | null;
  source: string;
}

/** The twelve capabilities of one model, in the canonical order, for the profile table. */
export function prepareProfileRows(capabilities: Partial<Record<Capability, CapabilityProfileLike>>): ProfileRow[] {
  return CAPABILITIES.map((capability) => {
    const c = capabilities[capability];
    const manual = c && c.manualScore !== null ? { score: c.manualScore, by: c.manualBy, at: c.manualAt } : null;
    const mean = c?.mean ?? 0;
    const source = c?.source ?? "seed";
    const discoveredAt = c?.discoveredAt ?? null;
    return {
      capability,
      mean,
      low: c?.low ?? mean,
      high: c?.high ?? mean,
      source,
      manual,
      effective: manual?.score ?? mean,
      observations: c?.observations ?? 0,
      discoveredAt,
      canReset: manual !== null || (discoveredAt !== null && source !== "discovered"),
    };
  });
}

export function prepareProfileChart(rows: readonly ProfileRow[]): ProfileChartDatum[] {
  return rows.map((r) => ({
    capability: r.capability,
    interval: [Math.max(0, Math.min(r.low, r.high)), Math.min(1, Math.max(r.low, r.high))],
    mean: r.mean,
    manual: r.manual?.score ?? null,
    source: r.source,
  }));
}

/** "manual 0.80, set by x@y" — the date is added by the caller in the reader's time zone. */
export function describeOverride(manual: ManualOverride): string {
  return `manual ${manual.score.toFixed(2)}${manual.by ? `, set by ${manual.by}` : ""}`;
}

import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";

export interface RequirementBar {
  capability: Capability;
  /** the analyzer's weight, 0..1 */
  weight: number;
  /** weight relative to the largest one, 0..1, for the bar's length */
  relative: number;
  primary: boolean;
}

/**
 * A task's capability weights as bars, largest first; weights at or below `minWeight` are left out
 * (the analyzer gives every capability some weight). The primary capability is always kept.
 */
export function prepareRequirementBars(
  weights: Partial<Record<Capability, number>>,
  primary: Capability | null,
  minWeight = 0.01,
): RequirementBar[] {
  const entries = CAPABILITIES.map((capability) => ({ capability, weight: clamp01(weights[capability] ?? 0) }));
  const max = Math.max(0, ...entries.map((e) => e.weight));
  return entries
    .filter((e) => e.weight > minWeight || e.capability === primary)
    .map((e) => ({ ...e, relative: max > 0 ? e.weight / max : 0, primary: e.capability === primary }))
    .sort((a, b) => Number(b.primary) - Number(a.primary) || b.weight - a.weight || CAPABILITIES.indexOf(a.capability) - CAPABILITIES.indexOf(b.capability));
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";

export interface CapabilityScoreLike {
  mean: number;
  low: number;
  high: number;
  source: string;
  manualScore: number | null;
}

export interface HeatCell {
  capability: Capability;
  /** the score routing uses: the hand-set one when present, otherwise the learned mean */
  score: number;
  low: number;
  high: number;
  source: string;
  manual: boolean;
  /** 0..5, for the colour: <0.3, <0.45, <0.6, <0.75, <0.9, ≥0.9 */
  level: 0 | 1 | 2 | 3 | 4 | 5;
  /** "Math: 87 (80–93, learned)" */
  title: string;
}

const STEPS = [0.3, 0.45, 0.6, 0.75, 0.9] as const;

export function heatLevel(score: number): HeatCell["level"] {
  let level = 0;
  for (const step of STEPS) if (score >= step) level += 1;
  return level as HeatCell["level"];
}

/** The twelve capability scores of one model, in the canonical order, ready for heat cells. */
export function prepareCapabilityHeat(capabilities: Partial<Record<Capability, CapabilityScoreLike>>): HeatCell[] {
  return CAPABILITIES.map((capability) => {
    const c = capabilities[capability];
    const manual = c?.manualScore !== null && c?.manualScore !== undefined;
    const score = manual ? c!.manualScore! : (c?.mean ?? 0);
    const low = c?.low ?? score;
    const high = c?.high ?? score;
    const source = manual ? "manual" : (c?.source ?? "none");
    const pct = (v: number) => Math.round(v * 100);
    return {
      capability,
      score,
      low,
      high,
      source,
      manual,
      level: heatLevel(score),
      title: `${capability}: ${pct(score)} (${pct(low)}–${pct(high)}, ${source})`,
    };
  });
}

/** A model's strongest capabilities, for summary cards. */
export function topCapabilities(capabilities: Partial<Record<Capability, CapabilityScoreLike>>, count = 3): HeatCell[] {
  return prepareCapabilityHeat(capabilities)
    .filter((c) => c.source !== "none")
    .sort((a, b) => b.score - a.score || CAPABILITIES.indexOf(a.capability) - CAPABILITIES.indexOf(b.capability))
    .slice(0, count);
}

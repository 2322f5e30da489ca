import { CAPABILITIES, type Capability } from "../../../spec";
import type { DiscoveryResult } from "../run-discovery";
import type { Skills } from "./hidden-skill";

/** One model's discovery next to the truth it was hidden from. */
export interface Observed {
  truth: Skills;
  result: DiscoveryResult<Capability>;
}

export interface Figures {
  models: number;
  pairs: number;
  /** mean |discovered mean − true skill| over (model, capability) */
  mae: number;
  /** share of (model, capability) whose 90% interval holds the true skill */
  coverage: number;
  /** pairs of models 0.15+ apart on a capability, and the share discovery put in the right order */
  orderedPairs: number;
  ordering: number;
  /** graded probes per (model, capability), on average */
  meanProbes: number;
}

export const ORDER_GAP = 0.15;

export function computeFigures(observed: readonly Observed[]): Figures {
  let pairs = 0;
  let absError = 0;
  let covered = 0;
  let probes = 0;
  for (const { truth, result } of observed) {
    for (const capability of CAPABILITIES) {
      const estimate = result.capabilities[capability];
      const skill = truth[capability];
      pairs += 1;
      absError += Math.abs(estimate.mean - skill);
      if (estimate.low <= skill && skill <= estimate.high) covered += 1;
      probes += estimate.probes;
    }
  }
  let orderedPairs = 0;
  let rightOrder = 0;
  for (const capability of CAPABILITIES) {
    for (let i = 0; i < observed.length; i++) {
      for (let j = i + 1; j < observed.length; j++) {
        const a = observed[i] as Observed;
        const b = observed[j] as Observed;
        const gap = a.truth[capability] - b.truth[capability];
        if (Math.abs(gap) < ORDER_GAP) continue;
        orderedPairs += 1;
        const found = a.result.capabilities[capability].mean - b.result.capabilities[capability].mean;
        if (Math.sign(found) === Math.sign(gap)) rightOrder += 1;
      }
    }
  }
  return {
    models: observed.length,
    pairs,
    mae: absError / pairs,
    coverage: covered / pairs,
    orderedPairs,
    ordering: rightOrder / orderedPairs,
    meanProbes: probes / pairs,
  };
}

export function formatFigures(label: string, f: Figures): string {
  return [
    `${label}: ${f.models} models × ${CAPABILITIES.length} capabilities = ${f.pairs} pairs`,
    `  mean absolute error   ${f.mae.toFixed(4)}   (bound ≤ 0.06)`,
    `  90% interval coverage ${(100 * f.coverage).toFixed(1)}%   (bound ≥ 88%)`,
    `  ordering (gap ≥ ${ORDER_GAP}) ${(100 * f.ordering).toFixed(2)}% of ${f.orderedPairs} pairs   (bound ≥ 95%)`,
    `  probes per capability ${f.meanProbes.toFixed(1)}   (bound ≤ 40)`,
  ].join("\n");
}

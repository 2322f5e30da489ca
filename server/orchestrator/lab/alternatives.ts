import type { Decision } from "./decision";
import { tuneGate } from "./gate-tune";
import { gated } from "./policies/gate";
import { promptRouted, trainPromptRouter } from "./policies/prompt-router";
import type { PreparedItem } from "./prepare";
import { summarize } from "./summarize";
import type { CostPoint } from "./hull";
import type { LabModel } from "./types";

/**
 * Policy families other than the agreement cascade, tuned for the same budget on the tuning half and replayed on
 * the eval half: the evidence for (or against) "a different family reaches the target".
 */
export interface AlternativeRun {
  name: string;
  /** the gate is a chain of calls; the router picks one model, like the baselines */
  kind: "chain" | "baseline";
  description: string;
  decisions: Decision[];
  /** what the tuning half promised for the chosen knob (out-of-fold for the gate, in-sample for the router) */
  tuneAccuracy: number;
  tuneCostUsd: number;
  tuneHow: "out-of-fold" | "in-sample";
  sweep?: Array<CostPoint & { knob: string }>;
}

/**
 * Both families tuned for `share` × `bestTuneCostUsd` (the best single model's cost on the tuning half) and replayed
 * on `evalItems`; `caps` (shares of the same cost) are swept for the gate's AIQ curve.
 */
export function alternativeRuns(tune: readonly PreparedItem[], evalItems: readonly PreparedItem[], models: readonly LabModel[], bestTuneCostUsd: number, share: number, caps: readonly number[] = []): AlternativeRun[] {
  const gate = tuneGate(tune, models, share * bestTuneCostUsd);
  const router = trainPromptRouter(tune, models, share * bestTuneCostUsd);
  const routedTune = summarize(tune, promptRouted(tune, router));
  const runs: AlternativeRun[] = [];
  if (gate)
    runs.push({
      name: "learned-gate",
      kind: "chain",
      description: `learned per-item gate, fitted on the tune split (threshold out-of-fold for ≤ ${share}× the best single model's cost): ${gate.description}`,
      decisions: gated(evalItems, gate.gate, gate.threshold),
      tuneAccuracy: gate.oofAccuracy,
      tuneCostUsd: gate.oofCostUsd,
      tuneHow: "out-of-fold",
      sweep: caps.map((cap) => {
        const f = summarize(evalItems, gated(evalItems, gate.gate, gate.thresholdAt(cap * bestTuneCostUsd)));
        return { cost: f.costPerItemUsd, accuracy: f.accuracy, knob: `cap ${cap}× best single` };
      }),
    });
  runs.push({
    name: "learned-router",
    kind: "baseline",
    description: `one model per item from prompt features: per-model logistic P(correct) − λ·predicted cost, fitted on the tune split, λ = ${router.lambda.toPrecision(3)} (the most accurate within ≤ ${share}× the best single model's cost there)`,
    decisions: promptRouted(evalItems, router),
    tuneAccuracy: routedTune.accuracy,
    tuneCostUsd: routedTune.totalCostUsd,
    tuneHow: "in-sample",
  });
  return runs;
}

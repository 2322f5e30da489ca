import type { Decision } from "../decision";
import { promptFeatures } from "../learn/features";
import { dot, fitLogistic, fitRidge, sigmoid } from "../learn/linear";
import type { PreparedItem } from "../prepare";
import type { LabModel } from "../types";

/**
 * A learned per-item router: one model per item, chosen before any call from prompt features only. Per model, a
 * logistic regression predicts P(correct | prompt features) and a ridge regression log(cost | prompt features),
 * both fitted on the tuning half; an item goes to the model maximising P(correct) − λ·predicted cost. λ is the
 * value from a fixed grid whose tuning-half replay is the most accurate within the budget.
 */
interface ModelFit {
  id: string;
  correct: number[];
  logCost: number[];
}

export interface PromptRouter {
  fits: ModelFit[];
  lambda: number;
}

/** λ in P(correct) per USD: 0 (accuracy only), then 1 to 10,000 in steps of ×1.26 (ten per decade). */
const LAMBDAS = [0, ...Array.from({ length: 41 }, (_, i) => 10 ** (i / 10))];

function route(fits: readonly ModelFit[], item: PreparedItem, lambda: number): string | undefined {
  const x = promptFeatures(item);
  let best: { id: string; value: number } | undefined;
  for (const f of fits) {
    if (!item.calls.has(f.id)) continue; // no recording: the model is unavailable for this item
    const value = sigmoid(dot(f.correct, x)) - lambda * Math.exp(dot(f.logCost, x));
    if (!best || value > best.value) best = { id: f.id, value };
  }
  return best?.id;
}

export function promptRouted(items: readonly PreparedItem[], router: PromptRouter): Decision[] {
  return items.map((item) => {
    const id = route(router.fits, item, router.lambda);
    const call = id ? item.calls.get(id) : undefined;
    return call && id ? { correct: call.correct, costUsd: call.costUsd, models: [id] } : { correct: false, costUsd: 0, models: [] };
  });
}

export function trainPromptRouter(tune: readonly PreparedItem[], models: readonly LabModel[], budgetUsd: number): PromptRouter {
  const xs = tune.map(promptFeatures);
  const fits = models.map((m) => {
    const have = tune.map((item, i) => [item.calls.get(m.id), xs[i] as number[]] as const).filter(([c]) => c !== undefined);
    return {
      id: m.id,
      correct: fitLogistic(have.map(([, x]) => x), have.map(([c]) => c?.correct ?? false), 1),
      logCost: fitRidge(have.map(([, x]) => x), have.map(([c]) => Math.log((c?.costUsd ?? 0) + 1e-9))),
    };
  });
  let best: { lambda: number; right: number } | undefined;
  for (const lambda of LAMBDAS) {
    const ds = promptRouted(tune, { fits, lambda });
    const cost = ds.reduce((s, d) => s + d.costUsd, 0);
    const right = ds.filter((d) => d.correct).length;
    if (cost <= budgetUsd && (!best || right > best.right)) best = { lambda, right };
  }
  return { fits, lambda: best?.lambda ?? (LAMBDAS[LAMBDAS.length - 1] as number) };
}

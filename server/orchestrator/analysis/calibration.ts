import { softmax } from "./linear-model";

/**
 * Temperature scaling (Guo et al., 2017): one scalar T that divides the logits so the top
 * probability matches how often the top class is right. Fitted on out-of-fold logits, so the
 * model is judged on prompts it was not trained on; the argmax, and so the accuracy, is unchanged.
 */
export interface ScoredExample {
  logits: readonly number[];
  label: number;
}

function meanNegativeLogLikelihood(examples: readonly ScoredExample[], temperature: number): number {
  let total = 0;
  for (const ex of examples) {
    const p = softmax(ex.logits.map((l) => l / temperature));
    total -= Math.log(Math.max(1e-12, p[ex.label] ?? 0));
  }
  return total / Math.max(1, examples.length);
}

/** Grid search then a finer pass: NLL is convex enough in log T that this finds the minimum to 0.01. */
export function fitTemperature(examples: readonly ScoredExample[]): number {
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let t = 0.25; t <= 4; t += 0.05) {
    const loss = meanNegativeLogLikelihood(examples, t);
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  for (let t = best - 0.05; t <= best + 0.05; t += 0.01) {
    const loss = meanNegativeLogLikelihood(examples, t);
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  return Math.round(best * 100) / 100;
}

/** Expected calibration error over 10 equal-width confidence bins: |accuracy − confidence|, weighted by bin size. */
export function expectedCalibrationError(examples: readonly ScoredExample[], temperature: number, bins = 10): number {
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  for (const ex of examples) {
    const p = softmax(ex.logits.map((l) => l / temperature));
    let top = 0;
    for (let k = 1; k < p.length; k++) if ((p[k] ?? 0) > (p[top] ?? 0)) top = k;
    const c = p[top] ?? 0;
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b] = (count[b] ?? 0) + 1;
    confidence[b] = (confidence[b] ?? 0) + c;
    if (top === ex.label) correct[b] = (correct[b] ?? 0) + 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const n = count[b] ?? 0;
    if (n > 0) ece += (n / examples.length) * Math.abs((correct[b] ?? 0) / n - (confidence[b] ?? 0) / n);
  }
  return ece;
}

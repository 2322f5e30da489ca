import type { FeatureVector } from "./features";

/**
 * Multinomial logistic regression, full-batch Adam with L2, trained with the rule boosts as fixed
 * offsets: the weights learn what the hand-written rules do not already say. Deterministic (no
 * shuffling, zero init), so regenerating the model gives the same file.
 */
export interface TrainingExample {
  features: FeatureVector;
  ruleBoosts: readonly number[];
  label: number;
}

export interface TrainOptions {
  classes: number;
  l2: number;
  epochs: number;
  learningRate: number;
  ruleScale: number;
  /** weights smaller than this in magnitude are dropped from the stored model */
  prune: number;
}

export type SparseWeights = Record<string, number[]>;

export function trainSoftmaxRegression(examples: readonly TrainingExample[], options: TrainOptions): SparseWeights {
  const { classes: K, l2, epochs, learningRate, ruleScale } = options;
  const index = new Map<string, number>();
  const rows = examples.map((ex) => {
    const ids: number[] = [];
    const values: number[] = [];
    for (const [name, value] of ex.features) {
      let id = index.get(name);
      if (id === undefined) {
        id = index.size;
        index.set(name, id);
      }
      ids.push(id);
      values.push(value);
    }
    return { ids, values, offsets: ex.ruleBoosts.map((b) => b * ruleScale), label: ex.label };
  });
  const n = index.size * K;
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const grad = new Float64Array(n);
  const logits = new Float64Array(K);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    for (const row of rows) {
      for (let k = 0; k < K; k++) logits[k] = row.offsets[k] ?? 0;
      for (let j = 0; j < row.ids.length; j++) {
        const base = (row.ids[j] ?? 0) * K;
        const value = row.values[j] ?? 0;
        for (let k = 0; k < K; k++) logits[k] = (logits[k] ?? 0) + value * (w[base + k] ?? 0);
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, logits[k] ?? 0);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        logits[k] = Math.exp((logits[k] ?? 0) - max);
        sum += logits[k] ?? 0;
      }
      for (let j = 0; j < row.ids.length; j++) {
        const base = (row.ids[j] ?? 0) * K;
        const value = row.values[j] ?? 0;
        for (let k = 0; k < K; k++) {
          const g = (logits[k] ?? 0) / sum - (k === row.label ? 1 : 0);
          grad[base + k] = (grad[base + k] ?? 0) + value * g;
        }
      }
    }
    const lr = learningRate;
    for (let i = 0; i < n; i++) {
      const g = (grad[i] ?? 0) / rows.length + l2 * (w[i] ?? 0);
      m[i] = beta1 * (m[i] ?? 0) + (1 - beta1) * g;
      v[i] = beta2 * (v[i] ?? 0) + (1 - beta2) * g * g;
      const mHat = (m[i] ?? 0) / (1 - beta1 ** epoch);
      const vHat = (v[i] ?? 0) / (1 - beta2 ** epoch);
      w[i] = (w[i] ?? 0) - (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  const out: SparseWeights = {};
  for (const [name, id] of index) {
    const row: number[] = [];
    for (let k = 0; k < K; k++) {
      const weight = w[id * K + k] ?? 0;
      if (Math.abs(weight) >= options.prune) row.push(k, Math.round(weight * 1000) / 1000);
    }
    if (row.length > 0) out[name] = row;
  }
  return out;
}

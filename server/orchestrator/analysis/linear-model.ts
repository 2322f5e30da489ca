import { CAPABILITIES } from "../spec/capability";
import type { FeatureVector } from "./features";

/**
 * A multinomial logistic regression stored sparsely: feature → flat [classIndex, weight, ...].
 * Sparse because after pruning most features only move two or three capabilities.
 */
export interface LinearModel {
  /** scale applied to hand-written rule boosts; the model was trained with the same scale */
  ruleScale: number;
  /** logits are divided by this before the softmax (confidence calibration); 1 = raw */
  temperature: number;
  weights: ReadonlyMap<string, readonly number[]>;
}

export function loadModel(ruleScale: number, weights: Readonly<Record<string, readonly number[]>>, temperature = 1): LinearModel {
  return { ruleScale, temperature, weights: new Map(Object.entries(weights)) };
}

export interface Contribution {
  feature: string;
  /** value × weight toward the capability asked about */
  amount: number;
}

/** Logits = Σ value·weight over known features + scaled rule boosts. */
export function scoreLogits(model: LinearModel, features: FeatureVector, ruleBoosts: readonly number[]): number[] {
  const logits = ruleBoosts.map((b) => b * model.ruleScale);
  for (const [feature, value] of features) {
    const row = model.weights.get(feature);
    if (row === undefined) continue;
    for (let k = 0; k + 1 < row.length; k += 2) {
      const cls = row[k] ?? 0;
      logits[cls] = (logits[cls] ?? 0) + value * (row[k + 1] ?? 0);
    }
  }
  return logits;
}

/** The features that pushed hardest toward one capability: the learned half of the evidence. */
export function topContributions(model: LinearModel, features: FeatureVector, classIndex: number, limit: number): Contribution[] {
  const out: Contribution[] = [];
  for (const [feature, value] of features) {
    if (feature === "bias") continue;
    const row = model.weights.get(feature);
    if (row === undefined) continue;
    for (let k = 0; k + 1 < row.length; k += 2) {
      if (row[k] === classIndex) {
        const amount = value * (row[k + 1] ?? 0);
        if (amount > 0) out.push({ feature, amount });
      }
    }
  }
  out.sort((a, b) => b.amount - a.amount);
  return out.slice(0, limit);
}

export function softmax(logits: readonly number[]): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const l of logits) if (l > max) max = l;
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export const CLASS_COUNT = CAPABILITIES.length;

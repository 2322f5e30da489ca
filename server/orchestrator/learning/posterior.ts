import { InvalidInputError } from "../errors";

/** A Beta(alpha, beta) posterior over a model's success probability on one capability. */
export interface Posterior {
  alpha: number;
  beta: number;
}

/** A posterior with the time of its last update, for forgetting by elapsed time as well as by evidence. */
export interface TimedPosterior extends Posterior {
  updatedAt?: number;
}

export function checkPosterior(field: string, p: Posterior): void {
  if (!(p.alpha > 0 && p.beta > 0 && Number.isFinite(p.alpha) && Number.isFinite(p.beta))) {
    throw new InvalidInputError(field, `alpha and beta must be finite and > 0, got ${p.alpha}, ${p.beta}`);
  }
}

export function posteriorMean(p: Posterior): number {
  return p.alpha / (p.alpha + p.beta);
}

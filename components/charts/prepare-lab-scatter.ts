/** What the lab chart needs of a policy (structural, so the chart does not depend on server types). */
export interface LabPolicyLike {
  name: string;
  kind: string;
  accuracy: number;
  costPerItemUsd: number;
}

export interface LabPoint {
  name: string;
  kind: string;
  /** USD per item; kept > 0 because the axis is logarithmic */
  cost: number;
  /** percent */
  accuracy: number;
  /** set on the few points worth naming on the chart itself (the rest are named on hover) */
  label?: string;
}

export interface LabScatter {
  points: LabPoint[];
  /** the non-dominated policies, cheapest first: nothing else is both cheaper and more accurate */
  frontier: LabPoint[];
  /** RouterBench's zero router: the single models' hull, cheapest first */
  hull: LabPoint[];
  /** the cost axis (log): whole decades around every point, so no point sits on the edge */
  domain: [number, number];
  ticks: number[];
}

/** Named on the chart: the policy on trial, the quality vote and the hindsight bound; plus the best single model. */
const LABELLED = new Set(["balanced", "vote (5 strongest)", "oracle"]);



import { logAxis } from "./log-axis";

/** Free or unknown costs still need a place on a log axis: a tenth of a micro-dollar sits left of every real call. */
const MIN_COST = 1e-7;

const toPoint = (p: { name: string; kind: string; cost: number; accuracy: number }): LabPoint => ({
  name: p.name,
  kind: p.kind,
  cost: Math.max(MIN_COST, p.cost),
  accuracy: Math.round(p.accuracy * 1000) / 10,
});

/**
 * Scatter data for accuracy vs cost per item. The zero-router entry is left out of the points (it is drawn as its
 * hull line instead), and the Pareto frontier is taken over the remaining policies.
 */
export function prepareLabScatter(policies: readonly LabPolicyLike[], zeroHull: ReadonlyArray<{ cost: number; accuracy: number }>): LabScatter {
  const points = policies.filter((p) => p.name !== "zero-router").map((p) => toPoint({ ...p, cost: p.costPerItemUsd }));
  // the oracle is hindsight, not a policy: a frontier through it would dominate every real one
  const byCost = points.filter((p) => p.kind !== "reference").sort((a, b) => a.cost - b.cost || b.accuracy - a.accuracy);
  const frontier: LabPoint[] = [];
  for (const p of byCost) {
    const last = frontier[frontier.length - 1];
    if (!last || p.accuracy > last.accuracy) frontier.push(p);
  }
  const bestSingle = points.filter((p) => p.kind === "single").sort((a, b) => b.accuracy - a.accuracy || a.cost - b.cost)[0];
  for (const p of points) if (LABELLED.has(p.name) || p === bestSingle) p.label = p.name;
  const hull = zeroHull.map((h, i) => toPoint({ name: `hull ${i + 1}`, kind: "hull", cost: h.cost, accuracy: h.accuracy }));
  return { points, frontier, hull, ...logAxis([...points, ...hull].map((p) => p.cost), "1-2-5", MIN_COST) };
}

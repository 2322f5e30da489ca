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

const STEPS = [1, 2, 5];
const nice = (step: number, decade: number) => Number((step * 10 ** decade).toPrecision(1)); // 10 ** -5 is 0.000009999…

/** The 1-2-5 values from `lo` to `hi` (inclusive), in order; `steps` picks which of 1, 2, 5 in each decade. */
function niceValues(lo: number, hi: number, steps: readonly number[]): number[] {
  const out: number[] = [];
  for (let d = Math.floor(Math.log10(lo)) - 1; d <= Math.ceil(Math.log10(hi)); d++) for (const s of steps) out.push(nice(s, d));
  return out.filter((v) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9));
}

/**
 * A log cost axis: from the 1-2-5 value below the cheapest point to the one above the dearest (a margin of 10% so
 * no point sits on the edge), ticks on every decade in between and on both ends — with 2× and 5× steps on spans
 * short enough for them to fit. (recharts' own log ticks stop early on spans of several decades.)
 */
export function logCostAxis(costs: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const positive = costs.filter((c) => c > 0);
  if (positive.length === 0) return { domain: [MIN_COST, MIN_COST * 10], ticks: [MIN_COST, MIN_COST * 10] };
  const min = Math.min(...positive) / 1.1;
  const max = Math.max(...positive) * 1.1;
  const lo = niceValues(min / 10, min, STEPS).pop() ?? min;
  const hi = niceValues(max, max * 10, STEPS)[0] ?? max;
  const inner = niceValues(lo, hi, Math.log10(hi / lo) <= 2 ? STEPS : [1]);
  return { domain: [lo, hi], ticks: [...new Set([lo, ...inner, hi])] };
}

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
  return { points, frontier, hull, ...logCostAxis([...points, ...hull].map((p) => p.cost)) };
}

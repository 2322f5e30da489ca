/** A point on the cost–quality plane: cost per item in USD, accuracy in [0, 1]. */
export interface CostPoint {
  cost: number;
  accuracy: number;
}

function cross(o: CostPoint, a: CostPoint, b: CostPoint): number {
  return (a.cost - o.cost) * (b.accuracy - o.accuracy) - (a.accuracy - o.accuracy) * (b.cost - o.cost);
}

/**
 * The non-decreasing upper convex hull, cheapest first: every accuracy reachable by mixing the points at random
 * in some proportion (RouterBench's zero router when the points are the single models). Points that cost more
 * for no more accuracy are dropped.
 */
export function upperHull(points: readonly CostPoint[]): CostPoint[] {
  const sorted = [...points].sort((a, b) => a.cost - b.cost || b.accuracy - a.accuracy);
  const hull: CostPoint[] = [];
  for (const p of sorted) {
    const last = hull[hull.length - 1];
    if (last && p.accuracy <= last.accuracy) continue;
    while (hull.length >= 2 && cross(hull[hull.length - 2] as CostPoint, hull[hull.length - 1] as CostPoint, p) >= 0) hull.pop();
    hull.push(p);
  }
  return hull;
}

/** Accuracy of the hull at a cost: linear between hull points, flat after the last, undefined before the first. */
export function hullAt(hull: readonly CostPoint[], cost: number): number | undefined {
  const first = hull[0];
  if (!first || cost < first.cost) return undefined;
  for (let i = 1; i < hull.length; i++) {
    const a = hull[i - 1] as CostPoint;
    const b = hull[i] as CostPoint;
    if (cost <= b.cost) return a.accuracy + ((b.accuracy - a.accuracy) * (cost - a.cost)) / (b.cost - a.cost);
  }
  return (hull[hull.length - 1] as CostPoint).accuracy;
}

/**
 * AIQ (RouterBench's Average Improvement in Quality): the area under a policy's cost–quality curve over the cost
 * range [lo, hi], divided by its width. The curve is the upper hull of the policy's points (several when it has a
 * knob to sweep, one otherwise), 0 below its cheapest point, flat after its dearest. So a policy earns credit for
 * the accuracy it delivers at every budget in the range, and a single point at cost c scores accuracy·(hi − c)/(hi − lo).
 */
export function aiq(points: readonly CostPoint[], lo: number, hi: number): number {
  if (!(hi > lo)) return 0;
  const hull = upperHull(points);
  const first = hull[0];
  if (!first) return 0;
  // breakpoints inside the range, where the piecewise-linear curve changes slope
  const xs = [lo, ...hull.map((p) => p.cost).filter((c) => c > lo && c < hi), hi].sort((a, b) => a - b);
  let area = 0;
  for (let i = 1; i < xs.length; i++) {
    const a = xs[i - 1] as number;
    const b = xs[i] as number;
    if (b <= first.cost) continue;
    const from = Math.max(a, first.cost);
    area += ((hullAt(hull, from) ?? 0) + (hullAt(hull, b) ?? 0)) * 0.5 * (b - from);
  }
  return area / (hi - lo);
}

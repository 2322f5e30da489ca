/** Where the balanced policy stands, and how fast each online policy learned: pure shaping for the report page. */

export interface VerdictSource {
  policy: string;
  accuracy: number;
  costShare: number;
  bestSingle: { name: string; accuracy: number; totalCostUsd: number };
  totalCostUsd: number;
  zeroRouterAccuracy: number | null;
  accuracyMet: boolean;
  costMet: boolean;
  aboveZeroRouter: boolean;
  met: boolean;
}

export interface StandingRow {
  /** which split the row describes */
  split: string;
  accuracy: string;
  bestSingle: string;
  /** balanced minus the best single model, in points */
  vsBest: string;
  costShare: string;
  zeroRouter: string;
  /** balanced minus the zero router at the same cost, in points */
  vsZero: string;
  met: boolean;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const points = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)} pts`;

export function standingRow(split: string, t: VerdictSource): StandingRow {
  return {
    split,
    accuracy: pct(t.accuracy),
    bestSingle: `${t.bestSingle.name} ${pct(t.bestSingle.accuracy)}`,
    vsBest: points(t.accuracy - t.bestSingle.accuracy),
    costShare: pct(t.costShare),
    zeroRouter: t.zeroRouterAccuracy === null ? "n/a" : pct(t.zeroRouterAccuracy),
    vsZero: t.zeroRouterAccuracy === null ? "n/a" : points(t.accuracy - t.zeroRouterAccuracy),
    met: t.met,
  };
}

export interface LearningSource {
  name: string;
  kind: string;
  learning: { firstThirdAccuracy: number; lastThirdAccuracy: number; trafficByDecile: Array<Record<string, number>> };
}

export interface LearningRow {
  name: string;
  first: string;
  last: string;
  change: string;
  /** the model the policy sent most first calls to in the last tenth of the stream, and its share */
  settledOn: string;
  /** the first tenth of the stream from which that model held the largest share of first calls (1–10), or "–" */
  settledBy: string;
}

/**
 * How fast each online policy learns models it starts cold on: accuracy early vs late, and when its traffic
 * settled on the model it ends up preferring.
 */
export function learningRows(policies: readonly LearningSource[]): LearningRow[] {
  return policies
    .filter((p) => p.kind === "ensemble")
    .map((p) => {
      const deciles = p.learning.trafficByDecile;
      const last = deciles[deciles.length - 1] ?? {};
      const top = Object.entries(last).sort((a, b) => b[1] - a[1])[0];
      const leader = (d: Record<string, number>) => Object.entries(d).sort((a, b) => b[1] - a[1])[0]?.[0];
      let settled = -1;
      if (top) for (let i = deciles.length - 1; i >= 0 && leader(deciles[i] ?? {}) === top[0]; i--) settled = i;
      return {
        name: p.name,
        first: pct(p.learning.firstThirdAccuracy),
        last: pct(p.learning.lastThirdAccuracy),
        change: points(p.learning.lastThirdAccuracy - p.learning.firstThirdAccuracy),
        settledOn: top ? `${top[0]} (${pct(top[1])})` : "–",
        settledBy: settled >= 0 ? `tenth ${settled + 1} of ${deciles.length}` : "–",
      };
    });
}

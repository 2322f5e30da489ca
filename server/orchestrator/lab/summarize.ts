import type { Decision } from "./decision";
import type { PreparedItem } from "./prepare";

export interface FamilyFigures {
  items: number;
  accuracy: number;
  costUsd: number;
}

/** How fast an online policy learns: accuracy early vs late, and where its first choice went over time. */
export interface LearningFigures {
  /** accuracy on the first third of each family's items, in stream order (families pooled): the data is ordered by family, so whole-stream thirds would compare families, not learning */
  firstThirdAccuracy: number;
  lastThirdAccuracy: number;
  /** per tenth of the stream, the share of first choices per model (models with ≥ 5% in some decile) */
  trafficByDecile: Array<Record<string, number>>;
}

export interface Figures {
  items: number;
  correct: number;
  accuracy: number;
  totalCostUsd: number;
  costPerItemUsd: number;
  byFamily: Record<string, FamilyFigures>;
  learning: LearningFigures;
}

function accuracyOf(ds: readonly Decision[]): number {
  return ds.length ? ds.filter((d) => d.correct).length / ds.length : 0;
}

function thirds(items: readonly PreparedItem[], decisions: readonly Decision[]): { first: Decision[]; last: Decision[] } {
  const byFamily = new Map<string, Decision[]>();
  items.forEach((item, i) => {
    const d = decisions[i];
    if (d) byFamily.set(item.family, [...(byFamily.get(item.family) ?? []), d]);
  });
  const first: Decision[] = [];
  const last: Decision[] = [];
  for (const ds of byFamily.values()) {
    const third = Math.max(1, Math.floor(ds.length / 3));
    first.push(...ds.slice(0, third));
    last.push(...ds.slice(ds.length - third));
  }
  return { first, last };
}

function learning(items: readonly PreparedItem[], decisions: readonly Decision[]): LearningFigures {
  const n = decisions.length;
  const { first, last } = thirds(items, decisions);
  const deciles: Array<Record<string, number>> = [];
  for (let d = 0; d < 10; d++) {
    const slice = decisions.slice(Math.floor((d * n) / 10), Math.floor(((d + 1) * n) / 10));
    const shares: Record<string, number> = {};
    for (const x of slice) {
      const first = x.models[0];
      if (first) shares[first] = (shares[first] ?? 0) + 1 / slice.length;
    }
    deciles.push(shares);
  }
  const shown = new Set(deciles.flatMap((s) => Object.entries(s).filter(([, v]) => v >= 0.05).map(([k]) => k)));
  return {
    firstThirdAccuracy: accuracyOf(first),
    lastThirdAccuracy: accuracyOf(last),
    trafficByDecile: deciles.map((s) => Object.fromEntries(Object.entries(s).filter(([k]) => shown.has(k)).map(([k, v]) => [k, Math.round(v * 1000) / 1000]))),
  };
}

/** Decisions (one per item, in item order) → the reported figures. */
export function summarize(items: readonly PreparedItem[], decisions: readonly Decision[]): Figures {
  const byFamily: Record<string, FamilyFigures> = {};
  let correct = 0;
  let cost = 0;
  items.forEach((item, i) => {
    const d = decisions[i];
    if (!d) return;
    const f = (byFamily[item.family] ??= { items: 0, accuracy: 0, costUsd: 0 });
    f.items += 1;
    f.accuracy += d.correct ? 1 : 0; // a count until the division below
    f.costUsd += d.costUsd;
    if (d.correct) correct++;
    cost += d.costUsd;
  });
  for (const f of Object.values(byFamily)) f.accuracy = f.items ? f.accuracy / f.items : 0;
  const n = items.length;
  return { items: n, correct, accuracy: n ? correct / n : 0, totalCostUsd: cost, costPerItemUsd: n ? cost / n : 0, byFamily, learning: learning(items, decisions) };
}

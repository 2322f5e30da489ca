export interface LabRowSource {
  name: string;
  kind: string;
  description: string;
  accuracy: number;
  totalCostUsd: number;
  costPerItemUsd: number;
  aiq: number;
  byFamily: Record<string, { items: number; accuracy: number }>;
}

export interface LabRow {
  name: string;
  kind: string;
  description: string;
  accuracy: string;
  totalCost: string;
  costPerItem: string;
  aiq: string;
  /** per family, in `families` order; "–" where the policy has no items of that family */
  families: string[];
  highlight: boolean;
}

export interface LabTable {
  families: string[];
  rows: LabRow[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => (x === 0 ? "$0" : x < 0.01 ? `$${x.toPrecision(2)}` : `$${x.toFixed(3)}`);
const ORDER: Record<string, number> = { ensemble: 0, chain: 1, baseline: 2, reference: 3, single: 4 };

/** Table rows: Ensemble's policies first, then chains, baselines, references, single models by accuracy. */
export function prepareLabTable(policies: readonly LabRowSource[], highlight = "balanced"): LabTable {
  const families = [...new Set(policies.flatMap((p) => Object.keys(p.byFamily)))].sort();
  const sorted = [...policies].sort((a, b) => (ORDER[a.kind] ?? 9) - (ORDER[b.kind] ?? 9) || (a.kind === "single" ? b.accuracy - a.accuracy : 0));
  return {
    families,
    rows: sorted.map((p) => ({
      name: p.name,
      kind: p.kind,
      description: p.description,
      accuracy: pct(p.accuracy),
      totalCost: usd(p.totalCostUsd),
      costPerItem: usd(p.costPerItemUsd),
      aiq: p.aiq.toFixed(3),
      families: families.map((f) => (p.byFamily[f] ? pct(p.byFamily[f].accuracy) : "–")),
      highlight: p.name === highlight,
    })),
  };
}

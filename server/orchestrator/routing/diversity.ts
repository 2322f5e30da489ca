import { CAPABILITIES, type CandidateScore, type LLMModel } from "../spec";

/** Pearson correlation of two capability profiles: 1 = the same strengths and weaknesses. */
function profileCorrelation(a: LLMModel, b: LLMModel): number {
  let ma = 0;
  let mb = 0;
  for (const c of CAPABILITIES) {
    ma += a.capabilities[c].mean;
    mb += b.capabilities[c].mean;
  }
  ma /= CAPABILITIES.length;
  mb /= CAPABILITIES.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (const c of CAPABILITIES) {
    const da = a.capabilities[c].mean - ma;
    const db = b.capabilities[c].mean - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 1;
}

/**
 * How alike two models are, 0..1: half for sharing a provider (one outage, one training lineage),
 * half for correlated capability profiles (they would make the same mistakes).
 */
export function similarity(a: LLMModel, b: LLMModel): number {
  if (a.id === b.id) return 1;
  return 0.5 * (a.providerId === b.providerId ? 1 : 0) + 0.5 * Math.max(0, profileCorrelation(a, b));
}

/** Score given up per unit of similarity when picking a diverse set. */
const DIVERSITY_WEIGHT = 0.1;

/**
 * Greedy maximal-marginal-relevance: each next pick maximises score − 0.1 × (similarity to the
 * closest model already picked). Proposers and voters that differ in provider and strengths make
 * independent errors, which is what mixtures and votes feed on; the penalty is small enough that a
 * much weaker model never displaces a strong one just for being different.
 */
export function pickDiverse(
  ranked: readonly CandidateScore[],
  n: number,
  model: (id: string) => LLMModel,
  already: readonly string[] = [],
): string[] {
  const picked: LLMModel[] = already.map(model);
  const out: string[] = [];
  const pool = ranked.filter((c) => !already.includes(c.modelId));
  while (out.length < n && pool.length > 0) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    pool.forEach((c, i) => {
      const m = model(c.modelId);
      const closest = picked.reduce((max, p) => Math.max(max, similarity(m, p)), 0);
      const value = c.score - DIVERSITY_WEIGHT * closest;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    });
    const [chosen] = pool.splice(bestIndex, 1);
    if (!chosen) break;
    out.push(chosen.modelId);
    picked.push(model(chosen.modelId));
  }
  return out;
}

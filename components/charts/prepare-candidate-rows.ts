export interface CandidateLike {
  modelId: string;
  score: number;
  components: Record<string, number>;
  rejected?: string;
  reason?: string;
}

export interface CandidateRow {
  modelId: string;
  modelName: string;
  score: number;
  /** score relative to the best eligible one, 0..1, for a bar */
  relative: number;
  components: Array<{ name: string; value: number }>;
  chosen: boolean;
  rejected: string | null;
  reason: string | null;
  rank: number | null;
}

/**
 * The routing explanation's candidates as "why this model" rows: the chosen models first, then the
 * other eligible ones by score, then the rejected ones (each with its reason).
 */
export function prepareCandidateRows(
  candidates: readonly CandidateLike[],
  chosenIds: readonly string[],
  nameOf: (modelId: string) => string = (id) => id,
): CandidateRow[] {
  const chosen = new Set(chosenIds);
  const eligible = candidates.filter((c) => !c.rejected);
  const best = Math.max(0, ...eligible.map((c) => c.score));
  const sorted = [...candidates].sort(
    (a, b) =>
      Number(Boolean(a.rejected)) - Number(Boolean(b.rejected)) ||
      Number(chosen.has(b.modelId)) - Number(chosen.has(a.modelId)) ||
      b.score - a.score ||
      a.modelId.localeCompare(b.modelId),
  );
  let rank = 0;
  return sorted.map((c) => ({
    modelId: c.modelId,
    modelName: nameOf(c.modelId),
    score: c.score,
    relative: c.rejected || best <= 0 ? 0 : Math.max(0, c.score) / best,
    components: Object.entries(c.components)
      .filter(([, v]) => Number.isFinite(v))
      .map(([name, value]) => ({ name, value })),
    chosen: chosen.has(c.modelId),
    rejected: c.rejected ?? null,
    reason: c.reason ?? null,
    rank: c.rejected ? null : ++rank,
  }));
}

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
  /** what the score is made of: the "term.*" components (name without the prefix), or all of them when there are none */
  terms: Array<{ name: string; value: number }>;
  /** the measurements the terms were computed from (the other components) */
  inputs: Array<{ name: string; value: number }>;
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
    ...splitComponents(c.components),
    modelId: c.modelId,
    modelName: nameOf(c.modelId),
    score: c.score,
    relative: c.rejected || best <= 0 ? 0 : Math.max(0, c.score) / best,
    chosen: chosen.has(c.modelId),
    rejected: c.rejected ?? null,
    reason: c.reason ?? null,
    rank: c.rejected ? null : ++rank,
  }));
}

const TERM = "term.";

/** Score terms apart from raw inputs; non-finite values are dropped. */
export function splitComponents(components: Record<string, number>): Pick<CandidateRow, "terms" | "inputs"> {
  const finite = Object.entries(components).filter(([, v]) => Number.isFinite(v));
  const terms = finite.filter(([name]) => name.startsWith(TERM));
  if (terms.length === 0) return { terms: finite.map(([name, value]) => ({ name, value })), inputs: [] };
  return {
    terms: terms.map(([name, value]) => ({ name: name.slice(TERM.length), value })),
    inputs: finite.filter(([name]) => !name.startsWith(TERM)).map(([name, value]) => ({ name, value })),
  };
}

/** Why models were left out of the explanation, in words (the router's keys: constraint names and a few states). */
const OMITTED_WORDS: Record<string, string> = {
  outranked: "outranked",
  excluded: "excluded by the task",
  "not-examined": "not scored (provably could not win)",
  enabled: "disabled",
  circuit: "breaker open",
  contextTokens: "context too small",
  maxCostUsd: "over the max cost",
  minQuality: "under the min quality",
  maxLatencyMs: "over the max latency",
};

/** "3 more models not listed: 2 outranked, 1 over the max cost." — or null when every model is listed. */
export function omittedSentence(omitted: Record<string, number> | undefined): string | null {
  const entries = Object.entries(omitted ?? {}).filter(([, n]) => n > 0);
  if (!entries.length) return null;
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return `${total} more model${total === 1 ? "" : "s"} not listed: ${entries.map(([why, n]) => `${n} ${OMITTED_WORDS[why] ?? why}`).join(", ")}.`;
}

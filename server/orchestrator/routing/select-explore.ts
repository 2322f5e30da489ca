import type { RegistryEntry } from "../registry/entry";
import type { RandomSource } from "../spec";
import { sampleAroundMean } from "./beta-sampler";
import type { Examined } from "./examiner";
import { POLICY_WEIGHTS, scoreTerms, totalScore } from "./scoring";
import { selectScored, type Choice, type SelectDeps, type Selection } from "./selection";

/** Pool drawn from: the balanced top plus a few random eligible models, so unknowns get their chance. */
export const EXPLORE_TOP = 16;
export const EXPLORE_RANDOM = 8;

/**
 * Explore: Thompson sampling. For each pooled model, draw every weighted capability from its Beta
 * posterior (centred on the effective mean), combine the draws with the task's weights, and score
 * that draw with the balanced cost/latency/health terms. The best draw wins: a model with little
 * evidence wins as often as its posterior says it might be best, so it gets tried and learned about.
 *
 * Drawing for all 10,000 models would cost milliseconds, so the pool is bounded: the balanced top 16
 * (any plausible winner is there) plus 8 eligible models picked uniformly at random from the roster
 * (so a model with a low mean but wide posterior is still reached now and then).
 */
export function selectExplore(deps: SelectDeps, random: RandomSource, k: number): Selection {
  const { index, examiner, ctx } = deps;
  const base = selectScored(deps, "balanced", Math.max(k, EXPLORE_TOP));
  const pool: Examined[] = base.ranked.map((c) => ({ entry: c.entry, est: c.est }));
  const inPool = new Set<RegistryEntry>(pool.map((c) => c.entry));
  // random picks come from the feasible set when there is one, else from the whole roster
  const size = deps.universe ? deps.universe.length : index.size;
  const at = (i: number) => (deps.universe ? deps.universe[i] : index.entryAt(i));
  for (let attempt = 0; attempt < EXPLORE_RANDOM * 3 && pool.length < base.ranked.length + EXPLORE_RANDOM && size > 0; attempt++) {
    const entry = at(Math.floor(random.next() * size));
    if (!entry || inPool.has(entry)) continue;
    const est = examiner.eligible(entry);
    if (!est) continue;
    inPool.add(entry);
    pool.push({ entry, est });
  }

  const weights = POLICY_WEIGHTS.explore;
  const ranked: Choice[] = pool.map((examined) => {
    let sample = 0;
    for (const w of ctx.weights) {
      sample += w.weight * sampleAroundMean(examined.entry.means[w.index] as number, examined.entry.strengths[w.index] as number, random);
    }
    const terms = scoreTerms(examined.est, weights, sample);
    return { ...examined, sample, terms, score: totalScore(terms) };
  });
  ranked.sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1));
  return { policy: "explore", ranked, truncated: base.truncated };
}

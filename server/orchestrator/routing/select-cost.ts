import { candidateList, priceTiers } from "./partitions";
import { costEfficiency, deliveredQuality } from "./scoring";
import { ruledOutBy, type Choice, type SelectDeps, type Selection } from "./selection";
import { thresholdTopK, type Ranked } from "./threshold-topk";

/** Models kept from the quality pass: the best sets the bar, the next two explain it. */
const QUALITY_PASS_K = 3;
/** Among equally cheap models, the better one; small enough never to outweigh a real price gap. */
const TIE_BREAK = 1e-12;

/**
 * Cost: the cheapest model whose delivered quality (quality × health) clears the bar, where
 * bar = min(best − tolerance, minQuality). "Within 0.05 of the best" by default; when the operator
 * set minQuality they said what is good enough, so anything meeting it qualifies.
 *
 * Two walks: best-first by quality (it stops at the top 3) to learn the best; then price tier by price tier, cheapest first, dropping any tier whose best remaining quality is
 * under the bar, until `k` qualifiers are proven cheapest.
 */
export function selectCost(deps: SelectDeps, k: number): Selection {
  const { index, examiner, ctx } = deps;
  const ruledOut = ruledOutBy(ctx);
  const walk = { seen: deps.seen, rosterSize: index.size, maxExamined: deps.maxExamined };

  const best = thresholdTopK({
    ...walk,
    partitions: deps.universe ? [candidateList(deps.universe)] : priceTiers(index, ctx, examiner, { prices: false, score: (q) => q, ruledOut }),
    k: QUALITY_PASS_K,
    score: (entry) => {
      const est = examiner.eligible(entry);
      return est ? deliveredQuality(est) : undefined;
    },
  });
  const leader = best.top[0];
  if (!leader) return { policy: "cost", ranked: [], truncated: best.truncated };
  const bestQuality = leader.score;
  const bar = Math.min(bestQuality - ctx.qualityTolerance, ctx.constraints.minQuality ?? Number.POSITIVE_INFINITY);

  const cheap = thresholdTopK({
    ...walk,
    partitions: deps.universe
      ? [candidateList(deps.universe)]
      : priceTiers(index, ctx, examiner, {
          prices: true,
          score: (_q, c) => -c + TIE_BREAK,
          ruledOut: (q, c) => ruledOut(q, c) ?? (q < bar ? "below-bar" : undefined),
        }),
    k,
    score: (entry) => {
      const est = examiner.eligible(entry);
      if (!est) return undefined;
      const q = deliveredQuality(est);
      return q >= bar ? -est.costUsd + TIE_BREAK * q : undefined;
    },
  });

  const toChoice = ({ entry }: Ranked): Choice => {
    const est = examiner.eligible(entry);
    if (!est) throw new Error(`internal: ranked model ${entry.id} has no estimate`);
    const q = deliveredQuality(est);
    const qualifies = q >= bar;
    return { entry, est, qualifies, score: qualifies ? costEfficiency(est.costUsd) : q - bar };
  };
  const ranked = cheap.top.map(toChoice);
  const listed = new Set(ranked.map((c) => c.entry));
  // Then what the quality pass found that the price pass did not list: dearer qualifiers, then the rest by quality.
  const rest = best.top.filter((r) => !listed.has(r.entry)).map(toChoice);
  rest.sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1));
  return { policy: "cost", ranked: [...ranked, ...rest], bar, bestQuality, truncated: best.truncated || cheap.truncated };
}

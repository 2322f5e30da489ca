/**
 * chrF (Popović, 2015): an F-score over character n-grams, n = 1..6, with recall weighted β = 2 times as
 * much as precision. Character n-grams reward a translation or summary that gets the words mostly right
 * (inflections, word order) without needing a tokenizer, which is why it suits short references.
 *
 * Conventions here, for grading rather than leaderboard parity with sacreBLEU:
 * - whitespace is removed before counting (as sacreBLEU does) and text is lower-cased and NFC-normalised,
 *   so capitalisation is not penalised;
 * - precision and recall are each averaged over the orders the REFERENCE has (a 4-character reference has
 *   orders 1..4); an order the hypothesis is too short for counts as 0, so a one-word answer to a sentence
 *   cannot score high on unigrams alone (sacreBLEU instead drops orders missing on either side);
 * - the result is on the usual 0..100 scale: identical texts score 100, texts sharing no character 0.
 */

export const CHRF_MAX_ORDER = 6;
export const CHRF_BETA = 2;

function prepare(text: string): string[] {
  // Array.from splits by code point, so an accented letter or emoji is one character
  return Array.from(text.normalize("NFC").toLowerCase().replace(/\s+/g, ""));
}

function ngramCounts(chars: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join("");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  return sum;
}

export function chrF(hypothesis: string, reference: string, maxOrder = CHRF_MAX_ORDER, beta = CHRF_BETA): number {
  const hyp = prepare(hypothesis);
  const ref = prepare(reference);
  if (ref.length === 0) return hyp.length === 0 ? 100 : 0;
  let precisionSum = 0;
  let recallSum = 0;
  let orders = 0;
  for (let n = 1; n <= maxOrder && n <= ref.length; n++) {
    orders++;
    const refCounts = ngramCounts(ref, n);
    const hypCounts = ngramCounts(hyp, n);
    const hypTotal = total(hypCounts);
    if (hypTotal === 0) continue;
    let matches = 0;
    for (const [gram, count] of hypCounts) matches += Math.min(count, refCounts.get(gram) ?? 0);
    precisionSum += matches / hypTotal;
    recallSum += matches / total(refCounts);
  }
  const precision = precisionSum / orders;
  const recall = recallSum / orders;
  if (precision + recall === 0) return 0;
  const b2 = beta * beta;
  return (100 * (1 + b2) * precision * recall) / (b2 * precision + recall);
}

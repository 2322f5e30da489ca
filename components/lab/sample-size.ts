/** Below this many held-out items a verdict is an anecdote: one item moves accuracy by more than a point. */
export const FIRM_EVAL_ITEMS = 100;

/**
 * A caution for small evaluations: how far one item moves accuracy, so a 3-item "0% — target not met" is read as
 * what it is. Undefined when the held-out half is large enough to read the figures as they stand.
 */
export function sampleCaution(evalItems: number): string | undefined {
  if (evalItems >= FIRM_EVAL_ITEMS) return undefined;
  const onePoint = evalItems > 0 ? 100 / evalItems : 100;
  return `Only ${evalItems} held-out item${evalItems === 1 ? "" : "s"}: one item moves accuracy by ${onePoint.toFixed(onePoint < 10 ? 1 : 0)} points, so read these figures as a rough indication. For a firm verdict, evaluate at least ${FIRM_EVAL_ITEMS} held-out items (about ${FIRM_EVAL_ITEMS * 2} in all) — grow Ensemble's history with shadow evaluation, or import a recorded data set.`;
}

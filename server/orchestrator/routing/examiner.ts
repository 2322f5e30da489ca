import type { RegistryEntry } from "../registry/entry";
import { reasonFor, type ConstraintKey, type Violation } from "./constraints";
import type { DecisionContext } from "./context";
import { estimate, expectedCost, weightedQuality, type Estimate } from "./estimates";
import type { SlotMarks } from "./slot-marks";

export interface Examined {
  entry: RegistryEntry;
  est: Estimate;
  violation?: Violation;
}

/**
 * Rejected models kept per constraint for the explanation, the strongest ones (those an operator asks
 * about: "why not the best model?"); the rest are only counted.
 */
const EXAMPLES_PER_CONSTRAINT = 2;

/**
 * One decision's memo of every model it looked at: the estimate of each eligible model (computed
 * once even when several passes touch it) and the tallies the explanation needs.
 *
 * The hard constraints are tested cheapest first, and the ones that need no estimate (disabled,
 * circuit, context window, cost) reject before any latency or quality arithmetic: on a large
 * roster most rejected models cost a handful of comparisons. Reason strings are only built for the
 * examples an explanation shows.
 */
export class Examiner {
  readonly rejectedCounts = new Map<ConstraintKey, number>();
  readonly rejectedExamples = new Map<ConstraintKey, Examined[]>();
  excluded = 0;
  examined = 0;
  /** models counted in rejectedCounts without being examined one by one (ruleOut) */
  ruledOut = 0;
  private readonly slicesRuledOut = new Set<object>();
  /** highest expected quality among eligible models examined */
  strongest: Examined | undefined;
  /** lowest expected cost among eligible models examined */
  cheapest: Examined | undefined;

  constructor(
    readonly ctx: DecisionContext,
    private readonly marks: SlotMarks,
    private readonly memo: (Estimate | undefined)[],
    size: number,
  ) {
    marks.begin(size);
  }

  /** the estimate of an eligible model; undefined when excluded or rejected */
  eligible(entry: RegistryEntry): Estimate | undefined {
    const slot = entry.slot;
    if (!this.marks.mark(slot)) return this.memo[slot];
    this.memo[slot] = undefined;
    this.examined += 1;
    const ctx = this.ctx;
    if (ctx.exclude.size > 0 && ctx.exclude.has(entry.id)) {
      this.excluded += 1;
      return undefined;
    }
    const c = ctx.constraints;
    let key: ConstraintKey | undefined;
    if (!entry.enabled) key = "enabled";
    else if (entry.stats.health === "open") key = "circuit";
    else if (entry.contextWindow < ctx.contextNeeded) key = "contextTokens";
    else if (c.maxCostUsd !== undefined && expectedCost(entry, ctx) > c.maxCostUsd) key = "maxCostUsd";
    if (key) {
      this.reject(entry, key);
      return undefined;
    }
    const est = estimate(entry, ctx);
    if (c.minQuality !== undefined && est.quality < c.minQuality) key = "minQuality";
    else if (c.maxLatencyMs !== undefined && est.latencyP95Ms > c.maxLatencyMs) key = "maxLatencyMs";
    if (key) {
      this.reject(entry, key, est);
      return undefined;
    }
    this.memo[slot] = est;
    if (!this.strongest || est.quality > this.strongest.est.quality) this.strongest = { entry, est };
    if (!this.cheapest || est.costUsd < this.cheapest.est.costUsd) this.cheapest = { entry, est };
    return est;
  }

  /**
   * A whole slice of the roster that cannot pass `key` (a price tier over budget, the models past the
   * end of a selective-constraint walk), skipped unread. It still counts in the explanation, and its
   * first models (the strongest or closest) are examined one by one so the operator sees an example
   * with numbers. A slice is counted once however many passes skip it.
   */
  ruleOut(slice: object, key: ConstraintKey, size: number, samples: readonly RegistryEntry[]): void {
    if (this.slicesRuledOut.has(slice)) return;
    this.slicesRuledOut.add(slice);
    let unread = size;
    for (const entry of samples) {
      if (this.marks.has(entry.slot)) continue;
      this.eligible(entry);
      unread -= 1;
    }
    if (unread <= 0) return;
    this.rejectedCounts.set(key, (this.rejectedCounts.get(key) ?? 0) + unread);
    this.ruledOut += unread;
  }

  private reject(entry: RegistryEntry, key: ConstraintKey, known?: Estimate): void {
    this.rejectedCounts.set(key, (this.rejectedCounts.get(key) ?? 0) + 1);
    let examples = this.rejectedExamples.get(key);
    if (!examples) {
      examples = [];
      this.rejectedExamples.set(key, examples);
    }
    const quality = known?.quality ?? weightedQuality(entry, this.ctx.weights);
    const weakest = examples[EXAMPLES_PER_CONSTRAINT - 1];
    if (weakest && weakest.est.quality >= quality) return;
    const est = known ?? estimate(entry, this.ctx);
    if (weakest) examples.pop();
    examples.push({ entry, est, violation: { key, reason: reasonFor(key, entry, est, this.ctx) } });
    examples.sort((a, b) => b.est.quality - a.est.quality);
  }
}

import type { RegistryEntry } from "../registry/entry";
import { reasonFor, type ConstraintKey, type Violation } from "./constraints";
import type { DecisionContext } from "./context";
import { estimate, expectedCost, type Estimate } from "./estimates";
import type { SlotMarks } from "./slot-marks";

export interface Examined {
  entry: RegistryEntry;
  est: Estimate;
  violation?: Violation;
}

/** Rejected models kept per constraint for the explanation; the rest are only counted. */
const EXAMPLES_PER_CONSTRAINT = 2;

/**
 * One decision's memo of every model it looked at: the estimate of each eligible model (computed
 * once even when several passes touch it) and the tallies the explanation needs.
 *
 * The hard constraints are tested cheapest first, and the ones that need no estimate (disabled,
 * circuit, context window, cost) reject before any latency or quality arithmetic: on a large
 * roster most rejected models cost a handful of comparisons. Reason strings are only built for the
 * two examples per constraint an explanation shows.
 */
export class Examiner {
  readonly rejectedCounts = new Map<ConstraintKey, number>();
  readonly rejectedExamples = new Map<ConstraintKey, Examined[]>();
  excluded = 0;
  examined = 0;
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

  private reject(entry: RegistryEntry, key: ConstraintKey, known?: Estimate): void {
    this.rejectedCounts.set(key, (this.rejectedCounts.get(key) ?? 0) + 1);
    let examples = this.rejectedExamples.get(key);
    if (!examples) {
      examples = [];
      this.rejectedExamples.set(key, examples);
    }
    if (examples.length >= EXAMPLES_PER_CONSTRAINT) return;
    const est = known ?? estimate(entry, this.ctx);
    examples.push({ entry, est, violation: { key, reason: reasonFor(key, entry, est, this.ctx) } });
  }
}

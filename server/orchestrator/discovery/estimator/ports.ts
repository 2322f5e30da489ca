import type { Capability } from "../../spec";

/**
 * The two ports discovery needs from the capability suites and graders (built elsewhere): something that
 * hands out unasked items of one capability, and something that asks the model one item and grades it.
 * Discovery only reads an item's id; the item type is generic so a suite can carry its prompt and grader
 * through to its own prober untouched.
 */
export interface ProbeItem {
  readonly id: string;
}

export interface ProbeSource<I extends ProbeItem = ProbeItem> {
  readonly capability: Capability;
  /**
   * An item whose id is not in `excludeIds` (every item already asked in this run), or undefined when the
   * suite has none left. May be async so a suite can load or generate items lazily.
   */
  nextItem(excludeIds: ReadonlySet<string>): I | undefined | Promise<I | undefined>;
}

/** The model answered and the grader decided. */
export interface GradedOutcome {
  pass: boolean;
  latencyMs: number;
  costUsd: number;
}

/** The item itself is unusable (grader crashed, key missing, prompt malformed): not the model's fault. */
export interface BrokenOutcome {
  broken: true;
  detail: string;
}

/** The call failed (provider error, timeout): nothing was learned about the model's skill. */
export interface ErrorOutcome {
  /** the provider's own message, shown to the operator as is */
  error: string;
  /** a 429's Retry-After: discovery waits this long (through its clock) before the next call */
  retryAfterMs?: number;
}

export type ProbeOutcome = GradedOutcome | BrokenOutcome | ErrorOutcome;

export interface Prober<I extends ProbeItem = ProbeItem> {
  /** Should resolve with an ErrorOutcome rather than throw; a throw is treated as one (its message kept). */
  probe(item: I, signal?: AbortSignal): Promise<ProbeOutcome>;
}

export function isGraded(outcome: ProbeOutcome): outcome is GradedOutcome {
  return "pass" in outcome;
}

export function isBroken(outcome: ProbeOutcome): outcome is BrokenOutcome {
  return "broken" in outcome && outcome.broken;
}

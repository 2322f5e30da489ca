import type { BetaSummary } from "../../learning/beta";
import type { Capability } from "../../spec";
import type { StopReason } from "./tally";

/**
 * One event per probe that came back, for the live progress bar and the per-capability estimate. `kind` says
 * what happened: a graded result, a broken item (skipped), a failed call, or a capability that stopped
 * without a result (its suite ran dry).
 */
export interface DiscoveryProgress {
  modelId: string;
  kind: "result" | "broken" | "error" | "stopped";
  capability: Capability;
  /** the item behind a result, broken item or error */
  itemId?: string;
  /** the broken item's detail or the provider's error message */
  detail?: string;
  /** graded probes of this capability so far */
  probesDone: number;
  estimate: BetaSummary;
  /** this capability will get no more probes */
  done: boolean;
  stopReason: StopReason | null;
  /** graded probes of the whole run so far */
  itemsDone: number;
  /**
   * The most graded probes the run can still reach: done plus what the unfinished capabilities may take
   * (their caps, bounded by the budget). It only ever shrinks, as capabilities stop early, so
   * itemsDone / itemsTotal is a bar that never moves backwards and reaches 1 when the run ends.
   */
  itemsTotal: number;
}

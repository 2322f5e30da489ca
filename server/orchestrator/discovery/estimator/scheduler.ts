import type { RandomSource } from "../../spec";
import type { DiscoveryLimits } from "./options";
import type { ProbeItem } from "./ports";
import type { CapabilityTally } from "./tally";

/** Variances this close count as equal: all capabilities start level, and the tie is broken at random. */
const TIE_TOLERANCE = 1e-12;

/**
 * Where the next probe goes: the launchable capability whose posterior variance (projected over its
 * in-flight probes) is highest. Greedy variance reduction is the right allocation for a fixed budget: a
 * probe shrinks the variance most where it is largest (near a skill of 0.5, or where few probes were made),
 * and the widths end up about equal, which is what the stop rule asks of every capability. Ties, in
 * particular the level start, go to a random one of the tied, so no capability is favoured by its position
 * in the list. Returns undefined when nothing is launchable.
 */
export function pickNext<I extends ProbeItem>(
  tallies: readonly CapabilityTally<I>[],
  limits: DiscoveryLimits,
  random: RandomSource,
): CapabilityTally<I> | undefined {
  let best = -1;
  let tied: CapabilityTally<I>[] = [];
  for (const tally of tallies) {
    if (!tally.launchable(limits)) continue;
    const variance = tally.projectedVariance();
    if (variance > best * (1 + TIE_TOLERANCE)) {
      best = variance;
      tied = [tally];
    } else if (variance >= best * (1 - TIE_TOLERANCE)) {
      tied.push(tally);
    }
  }
  if (tied.length <= 1) return tied[0];
  return tied[Math.min(tied.length - 1, Math.floor(random.next() * tied.length))];
}

import type { RegistryEntry } from "../registry/entry";
import type { OrderedView } from "../registry/sorted-index";
import type { Partition } from "./partitions";
import type { SlotMarks } from "./slot-marks";

export interface Ranked {
  entry: RegistryEntry;
  score: number;
}

export interface TopKParams {
  partitions: readonly Partition[];
  /** the model's score, or undefined when it must not be ranked (rejected, excluded, filtered) */
  score(entry: RegistryEntry): number | undefined;
  k: number;
  /** a fresh pass is begun on these marks */
  seen: SlotMarks;
  rosterSize: number;
  /** safety valve on pathological rosters; the result says when it tripped */
  maxExamined?: number;
}

export interface TopKResult {
  /** best first; ties broken by id */
  top: Ranked[];
  /** distinct models scored */
  examined: number;
  /** stopped by maxExamined: `top` is the best of what was examined, not proven best overall */
  truncated: boolean;
}

function better(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && a.entry.id < b.entry.id);
}

function insert(top: Ranked[], item: Ranked, k: number): void {
  if (top.length >= k && !better(item, top[k - 1] as Ranked)) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (better(top[mid] as Ranked, item)) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, item);
  if (top.length > k) top.pop();
}

interface Cursor {
  partition: Partition;
  depth: number;
  size: number;
  next: Float64Array;
  bound: number;
}

/**
 * Fagin's threshold algorithm, over several slices of the roster at once.
 *
 * Within a slice, every ordering is read one rank at a time and each model is scored the first time it
 * shows up; the slice's bound (computed from the keys at the next unread rank) caps what any model
 * it has not shown yet could score. Across slices, the one with the highest bound is advanced next.
 * The walk stops when k admissible models score at least the highest remaining bound, so the top-k is
 * exact for any score that is monotone in the keys, and usually only a few dozen models are read:
 * strong models sit near the top of several orderings at once, and slicing by price lets a dear tier
 * drop out as soon as its best remaining quality cannot pay for its price.
 * Worst case (nothing admissible) it reads each model once per ordering.
 */
export function thresholdTopK(params: TopKParams): TopKResult {
  const { k, seen } = params;
  const maxExamined = params.maxExamined ?? Number.POSITIVE_INFINITY;
  seen.begin(params.rosterSize);
  const top: Ranked[] = [];
  const active: Cursor[] = [];
  for (const partition of params.partitions) {
    const size = partition.lists[0]?.length ?? 0;
    if (size === 0) continue;
    const next = new Float64Array(partition.lists.length);
    partition.lists.forEach((list, j) => (next[j] = list.keyAt(0)));
    active.push({ partition, depth: 0, size, next, bound: partition.bound(next) });
  }
  let examined = 0;

  while (active.length > 0) {
    let bestIndex = 0;
    for (let i = 1; i < active.length; i++) if ((active[i] as Cursor).bound > (active[bestIndex] as Cursor).bound) bestIndex = i;
    const cursor = active[bestIndex] as Cursor;
    if (top.length >= k && (top[k - 1] as Ranked).score >= cursor.bound) break;
    if (examined >= maxExamined) return { top, examined, truncated: true };

    const { partition, depth } = cursor;
    for (let j = 0; j < partition.lists.length; j++) {
      const entry = (partition.lists[j] as OrderedView<RegistryEntry>).at(depth);
      if (!entry || !seen.mark(entry.slot)) continue;
      examined += 1;
      const score = params.score(entry);
      if (score !== undefined) insert(top, { entry, score }, k);
    }
    cursor.depth = depth + 1;
    if (cursor.depth >= cursor.size) {
      active.splice(bestIndex, 1);
      continue;
    }
    for (let j = 0; j < partition.lists.length; j++) cursor.next[j] = (partition.lists[j] as OrderedView<RegistryEntry>).keyAt(cursor.depth);
    if (partition.hopeless?.(cursor.next)) active.splice(bestIndex, 1);
    else cursor.bound = partition.bound(cursor.next);
  }
  return { top, examined, truncated: false };
}

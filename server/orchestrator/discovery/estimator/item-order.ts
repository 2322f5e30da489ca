import type { Capability, RandomSource } from "../../spec";
import type { ProbeItem, ProbeSource } from "./ports";

/**
 * The order a suite's items are asked in. Suites are written family by family (all the ordering puzzles, then
 * the syllogisms, …), and a capability may stop after 20 probes, so asking in suite order would measure the
 * first family or two and call it the capability. Instead every family is spread evenly through the run:
 * item r (0-based, after a shuffle within its family) of a family of n gets the key (r + u) / n, u uniform
 * in [0, 1), and items are asked by key. With families of equal size that is round-robin across families in a
 * fresh random order each round; with unequal ones each family's share of any prefix stays within one item of
 * its share of the suite, so an early stop estimates the pass rate over the whole suite. The draw comes from
 * the `random` given, seeded per run, so a run's order can be replayed.
 */
export function interleaveFamilies<I>(items: readonly I[], familyOf: (item: I) => string, random: RandomSource): I[] {
  const families = new Map<string, I[]>();
  for (const item of items) {
    const family = familyOf(item);
    const members = families.get(family);
    if (members) members.push(item);
    else families.set(family, [item]);
  }
  const keyed: { item: I; key: number }[] = [];
  for (const members of families.values()) {
    const shuffled = shuffle(members, random);
    shuffled.forEach((item, rank) => keyed.push({ item, key: (rank + random.next()) / shuffled.length }));
  }
  // a stable sort: equal keys (vanishingly rare) keep the family order above
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.item);
}

/** Fisher–Yates on a copy. */
function shuffle<I>(items: readonly I[], random: RandomSource): I[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random.next() * (i + 1)));
    [out[i], out[j]] = [out[j] as I, out[i] as I];
  }
  return out;
}

/** A suite item's family: its first tag (built-in items are tagged with theirs), else one family for all. */
export function familyOfItem(item: { tags?: readonly string[] }): string {
  return item.tags?.[0] ?? "";
}

/**
 * A ProbeSource over a fixed list, handing out items in the interleaved order (`interleaveFamilies`), the
 * first one not yet asked in the run each time.
 */
export function interleavedSource<I extends ProbeItem>(
  capability: Capability,
  items: readonly I[],
  familyOf: (item: I) => string,
  random: RandomSource,
): ProbeSource<I> & { readonly order: readonly I[] } {
  const order = interleaveFamilies(items, familyOf, random);
  return {
    capability,
    order,
    nextItem: (exclude) => order.find((item) => !exclude.has(item.id)),
  };
}

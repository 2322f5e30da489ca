import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../../testing/random";
import { familyOfItem, interleaveFamilies, interleavedSource } from "./item-order";

const item = (family: string, i: number) => ({ id: `${family}.${i}`, tags: [family] });
const suite = (sizes: Record<string, number>) => Object.entries(sizes).flatMap(([family, n]) => Array.from({ length: n }, (_, i) => item(family, i)));
const family = (x: { id: string }) => x.id.split(".")[0];

describe("interleaveFamilies", () => {
  it("is round-robin across families of equal size, in a fresh order each round", () => {
    const order = interleaveFamilies(suite({ a: 6, b: 6, c: 6 }), familyOfItem, createSeededRandom(1));
    for (let round = 0; round < 6; round++) expect(order.slice(3 * round, 3 * round + 3).map(family).sort()).toEqual(["a", "b", "c"]);
    const rounds = Array.from({ length: 6 }, (_, r) => order.slice(3 * r, 3 * r + 3).map(family).join(""));
    expect(new Set(rounds).size).toBeGreaterThan(1);
  });

  it("keeps every prefix within one item of each family's share of the suite", () => {
    const sizes = { ordering3: 12, ordering4: 12, syllogism: 16, sequence: 12, weekday: 12, tiny: 2 };
    const items = suite(sizes);
    for (const seed of [1, 2, 3, 4, 5]) {
      const order = interleaveFamilies(items, familyOfItem, createSeededRandom(seed));
      expect(new Set(order.map((x) => x.id)).size).toBe(items.length);
      for (let k = 1; k <= order.length; k++) {
        for (const [name, size] of Object.entries(sizes)) {
          const taken = order.slice(0, k).filter((x) => family(x) === name).length;
          expect(Math.abs(taken - (k * size) / items.length)).toBeLessThanOrEqual(1.0001 + size / items.length);
        }
      }
    }
  });

  it("shuffles within a family and replays from the same seed", () => {
    const items = suite({ a: 10, b: 10 });
    const a1 = interleaveFamilies(items, familyOfItem, createSeededRandom(42)).map((x) => x.id);
    const a2 = interleaveFamilies(items, familyOfItem, createSeededRandom(42)).map((x) => x.id);
    const b = interleaveFamilies(items, familyOfItem, createSeededRandom(43)).map((x) => x.id);
    expect(a2).toEqual(a1);
    expect(b).not.toEqual(a1);
    const withinA = a1.filter((id) => id.startsWith("a."));
    expect(withinA).not.toEqual(items.filter((x) => family(x) === "a").map((x) => x.id));
  });

  it("treats untagged items (an operator's suite) as one family, shuffled", () => {
    const items: { id: string; tags?: string[] }[] = Array.from({ length: 8 }, (_, i) => ({ id: `custom.${i}` }));
    const order = interleaveFamilies(items, familyOfItem, createSeededRandom(5));
    expect(order.map((x) => x.id).sort()).toEqual(items.map((x) => x.id).sort());
  });
});

describe("interleavedSource", () => {
  it("hands out the first unasked item of the interleaved order, then runs dry", () => {
    const source = interleavedSource("reasoning", suite({ a: 2, b: 2 }), familyOfItem, createSeededRandom(9));
    const asked = new Set<string>();
    const served: string[] = [];
    for (;;) {
      const next = source.nextItem(asked) as { id: string } | undefined;
      if (!next) break;
      asked.add(next.id);
      served.push(next.id);
    }
    expect(served).toEqual(source.order.map((x) => x.id));
    expect(served.slice(0, 2).map((id) => id[0]).sort()).toEqual(["a", "b"]);
  });
});

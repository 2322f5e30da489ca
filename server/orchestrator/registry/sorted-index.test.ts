import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../testing/random";
import { SortedIndex } from "./sorted-index";

function contents<T>(index: SortedIndex<T>): string[] {
  return Array.from({ length: index.length }, (_, i) => index.idAt(i) as string);
}

describe("SortedIndex", () => {
  it("keeps descending order with ties broken by id", () => {
    const index = new SortedIndex<string>("desc");
    index.upsert("b", 0.5, "b");
    index.upsert("a", 0.5, "a");
    index.upsert("c", 0.9, "c");
    expect(contents(index)).toEqual(["c", "a", "b"]);
    expect(index.keyAt(0)).toBe(0.9);
  });

  it("matches a brute-force sort through random inserts, moves and deletes", () => {
    const random = createSeededRandom(3);
    for (const direction of ["asc", "desc"] as const) {
      const index = new SortedIndex<number>(direction);
      const truth = new Map<string, number>();
      for (let step = 0; step < 2_000; step++) {
        const id = `m${Math.floor(random.next() * 60)}`;
        if (random.next() < 0.25) {
          expect(index.delete(id)).toBe(truth.delete(id));
        } else {
          const key = Math.round(random.next() * 20) / 20; // coarse keys: plenty of ties
          index.upsert(id, key, key);
          truth.set(id, key);
        }
      }
      const sign = direction === "desc" ? -1 : 1;
      const expected = [...truth.entries()].sort((a, b) => sign * (a[1] - b[1]) || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
      expect(contents(index)).toEqual(expected);
      expected.forEach((id, i) => expect(index.keyAt(i)).toBe(truth.get(id)));
    }
  });

  it("rejects non-finite keys", () => {
    expect(() => new SortedIndex("asc").upsert("x", Number.NaN, 1)).toThrow(RangeError);
  });
});

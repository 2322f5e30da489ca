import type { RandomSource } from "./spec";

/**
 * A 53-bit string hash (cyrb53) mapped to [0, 1). Used where a draw must be a pure function of its inputs:
 * the same seed and text always give the same number, in every process.
 */
export function hashUnit(seed: number, text: string): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)) / 2 ** 53;
}

/** A stable choice among alternatives, drawn from a hash. */
export function hashPick<T>(seed: number, text: string, options: readonly T[]): T {
  const item = options[Math.floor(hashUnit(seed, text) * options.length)];
  if (item === undefined) throw new Error("hashPick: no options");
  return item;
}

/** A seeded PRNG stream (mulberry32): the same seed replays the same sequence on every run. */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

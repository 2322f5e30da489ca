import { hashUnit } from "../random";

export type LabSplit = "tune" | "eval";

/** A fixed seed so every run (CLI, UI, test) holds out the same items. */
export const SPLIT_SEED = 20_240_924;
/** A second, disjoint salt: the same evaluation on another split shows a result is not the luck of one split. */
export const ALT_SPLIT_SEED = 7_041_977;

/**
 * 50/50 by a hash of the item id, independent of file order: hyper-parameters are tuned on `tune`, and
 * every figure the lab reports is measured on `eval`, which the tuning never saw. (cyrb53 rather than
 * sha256 keeps the core free of node:crypto; any fixed hash of the id serves.)
 */
export function splitOf(id: string, seed: number = SPLIT_SEED): LabSplit {
  return hashUnit(seed, id) < 0.5 ? "tune" : "eval";
}

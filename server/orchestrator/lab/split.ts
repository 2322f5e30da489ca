import { hashUnit } from "../random";

export type LabSplit = "tune" | "eval";

/** A fixed seed so every run (CLI, UI, test) holds out the same items. */
const SPLIT_SEED = 20_240_924;

/**
 * 50/50 by a hash of the item id, independent of file order: hyper-parameters are tuned on `tune`, and
 * every figure the lab reports is measured on `eval`, which the tuning never saw. (cyrb53 rather than
 * sha256 keeps the core free of node:crypto; any fixed hash of the id serves.)
 */
export function splitOf(id: string): LabSplit {
  return hashUnit(SPLIT_SEED, id) < 0.5 ? "tune" : "eval";
}

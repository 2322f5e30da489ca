/** The simulator's draws share the orchestrator's hash and PRNG, so tests can mirror them exactly. */
export { hashPick, hashUnit, createSeededRandom as createPrng } from "@/server/orchestrator/random";

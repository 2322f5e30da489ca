import type { RegistryEntry } from "../registry/entry";
import type { DecisionContext } from "./context";
import type { Estimate } from "./estimates";
import { fmt2, fmtInt, fmtMs, fmtUsd } from "./format";

/**
 * Hard constraints, in the order they are checked (cheapest test first). The key is what
 * UnsatisfiableError names: the requirement field the operator would relax.
 */
export const CONSTRAINT_KEYS = ["enabled", "circuit", "contextTokens", "maxCostUsd", "minQuality", "maxLatencyMs"] as const;
export type ConstraintKey = (typeof CONSTRAINT_KEYS)[number];

export interface Violation {
  key: ConstraintKey;
  /** names the constraint and the numbers: "context window 32,000 < 50,000 tokens needed" */
  reason: string;
}

/** Pure test, no strings: the router runs it on thousands of models. */
export function fails(key: ConstraintKey, entry: RegistryEntry, est: Estimate, ctx: DecisionContext): boolean {
  const c = ctx.constraints;
  switch (key) {
    case "enabled":
      return !entry.enabled;
    case "circuit":
      return est.health === "open";
    case "contextTokens":
      return entry.contextWindow < ctx.contextNeeded;
    case "maxCostUsd":
      return c.maxCostUsd !== undefined && est.costUsd > c.maxCostUsd;
    case "minQuality":
      return c.minQuality !== undefined && est.quality < c.minQuality;
    case "maxLatencyMs":
      return c.maxLatencyMs !== undefined && est.latencyP95Ms > c.maxLatencyMs;
  }
}

/** The sentence for an explanation; only built for the few rejected models an explanation shows. */
export function reasonFor(key: ConstraintKey, entry: RegistryEntry, est: Estimate, ctx: DecisionContext): string {
  const c = ctx.constraints;
  switch (key) {
    case "enabled":
      return "disabled";
    case "circuit":
      return "circuit open (provider failing)";
    case "contextTokens":
      return `context window ${fmtInt(entry.model.contextWindow)} < ${fmtInt(ctx.contextNeeded)} tokens needed`;
    case "maxCostUsd":
      return `expected cost ${fmtUsd(est.costUsd)} > budget ${fmtUsd(c.maxCostUsd ?? 0)}`;
    case "minQuality":
      return `expected quality ${fmt2(est.quality)} < minimum ${fmt2(c.minQuality ?? 0)}`;
    case "maxLatencyMs":
      return `expected p95 latency ${fmtMs(est.latencyP95Ms)}${est.latencyMeasured ? "" : " (prior)"} > limit ${fmtMs(c.maxLatencyMs ?? 0)}`;
  }
}

export function firstFailing(entry: RegistryEntry, est: Estimate, ctx: DecisionContext): ConstraintKey | undefined {
  for (const key of CONSTRAINT_KEYS) if (fails(key, entry, est, ctx)) return key;
  return undefined;
}

export function firstViolation(entry: RegistryEntry, est: Estimate, ctx: DecisionContext): Violation | undefined {
  const key = firstFailing(entry, est, ctx);
  return key ? { key, reason: reasonFor(key, entry, est, ctx) } : undefined;
}

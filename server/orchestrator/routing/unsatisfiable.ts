import { UnsatisfiableError } from "../errors";
import type { RoutingIndex } from "../registry/routing-index";
import { CONSTRAINT_KEYS, fails, firstFailing, type ConstraintKey } from "./constraints";
import type { DecisionContext } from "./context";
import { estimate } from "./estimates";
import { fmt2, fmtInt, fmtMs, fmtUsd } from "./format";

const LABELS: Record<ConstraintKey, string> = {
  enabled: "disabled",
  circuit: "circuit open",
  contextTokens: "context window",
  maxCostUsd: "cost",
  maxLatencyMs: "latency",
  minQuality: "quality",
};

/**
 * Why nothing was eligible, as the operator would fix it: the first constraint that no enabled model
 * meets on its own, with the closest anyone gets. Only runs when a decision found no candidate, and
 * the decision has already read the whole roster by then, so one more linear pass costs nothing new.
 */
export function diagnoseUnsatisfiable(index: RoutingIndex, ctx: DecisionContext): UnsatisfiableError {
  if (index.size === 0) return new UnsatisfiableError("enabled", "No models are registered");
  let considered = 0;
  let enabled = 0;
  let open = 0;
  let largestWindow = 0;
  let cheapest = Number.POSITIVE_INFINITY;
  let fastest = Number.POSITIVE_INFINITY;
  let best = 0;
  const met = new Set<ConstraintKey>();
  const firstFailures = new Map<ConstraintKey, number>();

  for (let i = 0; i < index.size; i++) {
    const entry = index.entryAt(i);
    if (!entry || ctx.exclude.has(entry.id)) continue;
    considered += 1;
    if (!entry.enabled) continue;
    enabled += 1;
    const est = estimate(entry, ctx);
    if (est.health === "open") open += 1;
    largestWindow = Math.max(largestWindow, entry.contextWindow);
    cheapest = Math.min(cheapest, est.costUsd);
    fastest = Math.min(fastest, est.latencyP95Ms);
    best = Math.max(best, est.quality);
    for (const key of CONSTRAINT_KEYS) if (!fails(key, entry, est, ctx)) met.add(key);
    const first = firstFailing(entry, est, ctx);
    if (first) firstFailures.set(first, (firstFailures.get(first) ?? 0) + 1);
  }

  const c = ctx.constraints;
  if (considered === 0) return new UnsatisfiableError("exclude", `All ${fmtInt(index.size)} registered models were excluded`);
  if (enabled === 0) return new UnsatisfiableError("enabled", `No model is enabled (${fmtInt(considered)} registered, all disabled)`);
  const caps = ctx.weights.map((w) => w.capability).join("+");
  for (const key of CONSTRAINT_KEYS) {
    if (met.has(key)) continue;
    switch (key) {
      case "circuit":
        return new UnsatisfiableError(key, `Every enabled model's circuit breaker is open (${fmtInt(open)} models)`);
      case "contextTokens":
        return new UnsatisfiableError(
          key,
          `No enabled model has a context window ≥ ${fmtInt(ctx.contextNeeded)} tokens (largest: ${fmtInt(largestWindow)})`,
        );
      case "maxCostUsd":
        return new UnsatisfiableError(
          key,
          `No enabled model can answer within ${fmtUsd(c.maxCostUsd ?? 0)} (cheapest expected: ${fmtUsd(cheapest)} for ~${fmtInt(ctx.inputTokens)} input + ${fmtInt(ctx.outputTokens)} output tokens)`,
        );
      case "maxLatencyMs":
        return new UnsatisfiableError(
          key,
          `No enabled model is expected within ${fmtMs(c.maxLatencyMs ?? 0)} at p95 (fastest: ${fmtMs(fastest)})`,
        );
      case "minQuality":
        return new UnsatisfiableError(key, `No enabled model reaches expected quality ${fmt2(c.minQuality ?? 0)} for ${caps} (best: ${fmt2(best)})`);
      case "enabled":
        break;
    }
  }
  const tally = CONSTRAINT_KEYS.filter((key) => firstFailures.has(key))
    .map((key) => `${fmtInt(firstFailures.get(key) ?? 0)} on ${LABELS[key]}`)
    .join(", ");
  return new UnsatisfiableError(
    "constraints",
    `No enabled model meets every constraint at once, though each alone is met by some model (${tally})`,
  );
}

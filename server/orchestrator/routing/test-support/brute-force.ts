import type { InMemoryModelRegistry } from "../../registry/model-registry";
import type { RoutingPolicy, TaskRequirements } from "../../spec";
import { firstFailing } from "../constraints";
import { buildContext } from "../context";
import { estimate, type Estimate } from "../estimates";
import { deliveredQuality, POLICY_WEIGHTS, scoreTerms, totalScore } from "../scoring";

interface Scored {
  id: string;
  est: Estimate;
}

/**
 * The router's ranking computed the slow, obvious way: estimate every model, filter by every
 * constraint, sort by the policy. Tests compare the router's walks against it.
 */
export function bruteForceRanking(
  registry: InMemoryModelRegistry,
  requirements: TaskRequirements,
  options: { policy: Exclude<RoutingPolicy, "explore">; count: number; qualityTolerance?: number },
): string[] {
  const ctx = buildContext(requirements, { policy: options.policy, count: options.count, qualityTolerance: options.qualityTolerance });
  const eligible: Scored[] = [];
  for (let i = 0; i < registry.size; i++) {
    const entry = registry.entryAt(i);
    if (!entry) continue;
    const est = estimate(entry, ctx);
    if (!firstFailing(entry, est, ctx)) eligible.push({ id: entry.id, est });
  }
  const byId = (a: Scored, b: Scored) => (a.id < b.id ? -1 : 1);
  if (options.policy === "cost") {
    const best = Math.max(...eligible.map((s) => deliveredQuality(s.est)));
    const bar = Math.min(best - ctx.qualityTolerance, ctx.constraints.minQuality ?? Number.POSITIVE_INFINITY);
    const key = (s: Scored) => -s.est.costUsd + 1e-12 * deliveredQuality(s.est);
    return eligible
      .filter((s) => deliveredQuality(s.est) >= bar)
      .sort((a, b) => key(b) - key(a) || byId(a, b))
      .slice(0, options.count)
      .map((s) => s.id);
  }
  const weights = POLICY_WEIGHTS[options.policy];
  const score = (s: Scored) => totalScore(scoreTerms(s.est, weights));
  return eligible
    .sort((a, b) => score(b) - score(a) || byId(a, b))
    .slice(0, options.count)
    .map((s) => s.id);
}

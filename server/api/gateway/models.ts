import { STRATEGIES, type RoutingPolicy, type Strategy } from "@/server/orchestrator/spec";
import type { Services } from "@/server/services/app";

/** What a `model` value asks for: one roster model called directly, or Ensemble's routing. */
export type ModelTarget = { kind: "pinned"; modelId: string } | { kind: "routed"; strategy: Strategy; policy: RoutingPolicy };

export const ROUTED_PREFIX = "ensemble/";

/** Resolves `model` against the cached roster (no database read); null means 404 model_not_found. */
export function resolveModel(services: Services, model: string): ModelTarget | null {
  if (model === "auto") return { kind: "routed", strategy: "auto", policy: "balanced" };
  if (model.startsWith(ROUTED_PREFIX)) {
    const strategy = model.slice(ROUTED_PREFIX.length);
    return (STRATEGIES as readonly string[]).includes(strategy) ? { kind: "routed", strategy: strategy as Strategy, policy: "balanced" } : null;
  }
  const found = services.roster.list().find((m) => m.id === model);
  return found?.enabled ? { kind: "pinned", modelId: found.id } : null;
}

/** GET /v1/models: the enabled roster plus the routed names, in OpenAI's list shape. */
export function modelList(services: Services) {
  const roster = services.roster.list().filter((m) => m.enabled);
  const routed = ["auto", ...STRATEGIES.map((s) => `${ROUTED_PREFIX}${s}`)];
  return {
    object: "list" as const,
    data: [
      ...routed.map((id) => ({ id, object: "model" as const, created: 0, owned_by: "ensemble" })),
      ...roster.map((m) => ({ id: m.id, object: "model" as const, created: Math.floor(m.updatedAt / 1000), owned_by: m.providerName })),
    ],
  };
}

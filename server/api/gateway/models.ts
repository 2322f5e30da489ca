import { STRATEGIES, type RoutingPolicy, type Strategy } from "@/server/orchestrator/spec";
import type { Services } from "@/server/services/app";

/**
 * What a `model` value asks for: one roster model called directly (then, if it fails, the caller's own
 * `models` fallbacks in order), or Ensemble's routing.
 */
export type ModelTarget =
  | { kind: "pinned"; modelId: string; fallbacks: string[] }
  | { kind: "routed"; strategy: Strategy; policy: RoutingPolicy };

export const ROUTED_PREFIX = "ensemble/";

/** At most this many fallbacks in `models` (OpenRouter's limit too). */
export const MAX_FALLBACK_MODELS = 3;

function enabledRosterModel(services: Services, id: string): string | null {
  const found = services.roster.list().find((m) => m.id === id);
  return found?.enabled ? found.id : null;
}

/** Resolves `model` against the cached roster (no database read); null means 404 model_not_found. */
export function resolveModel(services: Services, model: string): ModelTarget | null {
  if (model === "auto") return { kind: "routed", strategy: "auto", policy: "balanced" };
  if (model.startsWith(ROUTED_PREFIX)) {
    const strategy = model.slice(ROUTED_PREFIX.length);
    return (STRATEGIES as readonly string[]).includes(strategy) ? { kind: "routed", strategy: strategy as Strategy, policy: "balanced" } : null;
  }
  const id = enabledRosterModel(services, model);
  return id ? { kind: "pinned", modelId: id, fallbacks: [] } : null;
}

/**
 * `model` plus the optional `models` fallback list (OpenRouter's spelling): with a roster model, each listed
 * model is tried in order when the previous one fails; a routed `model` plans its own fallbacks, so the list
 * is refused there rather than silently ignored.
 */
export function resolveTarget(
  services: Services,
  model: string,
  models: readonly string[] | undefined,
): { ok: true; target: ModelTarget } | { ok: false; status: 400 | 404; message: string; param: string } {
  const notFound = (id: string, param: string) => ({
    ok: false as const,
    status: 404 as const,
    message: `The model '${id}' does not exist or is disabled; GET /v1/models lists the models you can use`,
    param,
  });
  const target = resolveModel(services, model);
  if (!target) return notFound(model, "model");
  if (!models || models.length === 0) return { ok: true, target };
  if (target.kind === "routed") {
    return { ok: false, status: 400, message: `Invalid value for 'models': '${model}' is routed and plans its own fallbacks; name a roster model to use a fallback list`, param: "models" };
  }
  const fallbacks: string[] = [];
  for (const [i, candidate] of models.entries()) {
    const id = enabledRosterModel(services, candidate);
    if (!id) return notFound(candidate, `models[${i}]`);
    if (id !== target.modelId && !fallbacks.includes(id)) fallbacks.push(id);
  }
  return { ok: true, target: { ...target, fallbacks } };
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

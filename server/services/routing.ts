import { createModelRegistry } from "@/server/orchestrator/registry";
import { createPlanner, createRouter } from "@/server/orchestrator/routing";
import type { HealthState } from "@/server/orchestrator/registry";
import type { ModelChain, RandomSource, RoutingPolicy, Strategy, TaskRequirements } from "@/server/orchestrator/spec";
import type { RosterService } from "./roster";

/**
 * The router's in-memory registry, kept in step with the roster: rebuilt only when the roster's
 * revision changes (an edit here or a commit by another process), never per task.
 */
/** `healthOf` gives a model's breaker state when the registry (re)loads it, so routing never forgets an open breaker. */
export function createRouting(roster: RosterService, random: RandomSource, healthOf?: (modelId: string) => HealthState) {
  const registry = createModelRegistry();
  const router = createRouter({ registry, random });
  const planner = createPlanner({ router, registry });
  let syncedRevision = "";

  function sync() {
    const revision = roster.revision();
    if (revision === syncedRevision) return;
    const specs = roster.specs();
    const present = new Set(specs.map((m) => m.id));
    for (const model of registry.listModels()) if (!present.has(model.id)) registry.removeModel(model.id);
    for (const model of specs) {
      registry.upsertModel(model);
      const health = healthOf?.(model.id);
      if (health) registry.setHealth(model.id, health);
    }
    syncedRevision = revision;
  }

  return {
    registry,
    plan(requirements: TaskRequirements, options: { strategy: Strategy; policy: RoutingPolicy; maxSteps?: number }): ModelChain {
      sync();
      return planner.planChain(requirements, options);
    },
    observe(modelId: string, outcome: { latencyMs: number; ok: boolean }) {
      if (registry.findModel(modelId)) registry.recordOutcome(modelId, outcome);
    },
  };
}

export type Routing = ReturnType<typeof createRouting>;

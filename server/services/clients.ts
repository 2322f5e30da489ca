import type { ModelClient } from "@/server/orchestrator/spec";
import { createModelClient } from "@/server/providers";
import type { ProviderService } from "./providers";
import type { RosterService } from "./roster";

/**
 * One ModelClient per model, rebuilt when the model or its provider changes. Keeping the instance
 * keeps a simulated model's fault stream going across calls instead of replaying it from the seed.
 */
export function createModelClients(deps: {
  roster: RosterService;
  providers: ProviderService;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}) {
  const cache = new Map<string, { key: string; client: ModelClient }>();
  return {
    get(modelId: string): ModelClient {
      const view = deps.roster.get(modelId);
      const key = `${view.updatedAt}:${view.providerId}`;
      const hit = cache.get(modelId);
      if (hit && hit.key === key) return hit.client;
      const client = createModelClient(deps.roster.spec(modelId), deps.providers.connection(view.providerId), { sleep: deps.sleep });
      cache.set(modelId, { key, client });
      return client;
    },
  };
}

export type ModelClients = ReturnType<typeof createModelClients>;

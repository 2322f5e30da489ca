import type { ModelClient } from "@/server/orchestrator/spec";
import { createModelClient } from "@/server/providers";
import { isNetworkProviderKind } from "@/server/providers/language-models";
import type { RemoteModelClients } from "@/server/providers/remote/remote-client";
import type { ProviderService } from "./providers";
import type { RosterService } from "./roster";

/**
 * One ModelClient per model, rebuilt when the model or its provider changes. Keeping the instance
 * keeps a simulated model's fault stream going across calls instead of replaying it from the seed.
 * With `remote` (the production server's I/O thread, server/api/io-thread), network models are called over there;
 * simulated ones always run here.
 */
export function createModelClients(deps: {
  roster: RosterService;
  providers: ProviderService;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  remote?: RemoteModelClients;
}) {
  const cache = new Map<string, { key: string; client: ModelClient; close?: () => void }>();
  return {
    get(modelId: string): ModelClient {
      const view = deps.roster.get(modelId);
      const key = `${view.updatedAt}:${view.providerId}`;
      const hit = cache.get(modelId);
      if (hit && hit.key === key) return hit.client;
      hit?.close?.();
      const spec = deps.roster.spec(modelId);
      const connection = deps.providers.connection(view.providerId);
      const remote = deps.remote && isNetworkProviderKind(spec.providerKind) ? deps.remote.open(spec, connection) : undefined;
      const entry = remote ? { key, client: remote, close: remote.close } : { key, client: createModelClient(spec, connection, { sleep: deps.sleep }) };
      cache.set(modelId, entry);
      return entry.client;
    },
  };
}

export type ModelClients = ReturnType<typeof createModelClients>;

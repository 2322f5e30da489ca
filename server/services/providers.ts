import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import * as q from "@/db/queries/providers";
import { decryptSecret, encryptSecret } from "@/server/auth/secrets";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";
import type { ModelSpec, ProviderKind } from "@/server/orchestrator/spec";
import { testConnection } from "@/server/providers";

export interface NewProvider {
  name: string;
  kind: Exclude<ProviderKind, "simulated">;
  baseUrl?: string;
  apiKey?: string;
}

export interface ProviderConnection {
  baseUrl?: string;
  apiKey?: string;
}

/** What the browser may see of a provider: never the key, only whether one is set. */
export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string | null;
  hasApiKey: boolean;
  createdAt: number;
}

function toView(row: q.ProviderRow): ProviderView {
  return { id: row.id, name: row.name, kind: row.kind, baseUrl: row.baseUrl, hasApiKey: Boolean(row.apiKeyEncrypted), createdAt: row.createdAt };
}

export function createProviderService(db: Db) {
  function connection(providerId: string): ProviderConnection {
    const row = q.findProvider(db, providerId);
    if (!row) throw new NotFoundError("Provider", providerId);
    return { baseUrl: row.baseUrl ?? undefined, apiKey: row.apiKeyEncrypted ? decryptSecret(row.apiKeyEncrypted) : undefined };
  }

  return {
    list: (): ProviderView[] => q.listProviders(db).map(toView),

    get(id: string): ProviderView {
      const row = q.findProvider(db, id);
      if (!row) throw new NotFoundError("Provider", id);
      return toView(row);
    },

    create(input: NewProvider): ProviderView {
      if (q.findProviderByName(db, input.name)) throw new ConflictError(`A provider named "${input.name}" already exists`);
      if (input.kind !== "anthropic" && input.kind !== "openai" && !input.baseUrl) {
        throw new InvalidInputError("baseUrl", "an OpenAI-compatible provider needs a base URL");
      }
      const id = randomUUID();
      q.insertProvider(db, {
        id,
        name: input.name,
        kind: input.kind,
        baseUrl: input.baseUrl ?? null,
        apiKeyEncrypted: input.apiKey ? encryptSecret(input.apiKey) : null,
      });
      return this.get(id);
    },

    remove(id: string): void {
      if (!q.findProvider(db, id)) throw new NotFoundError("Provider", id);
      const inUse = q.countModelsOfProvider(db, id);
      if (inUse > 0) throw new ConflictError(`Provider is used by ${inUse} model(s); delete or move them first`);
      q.deleteProvider(db, id);
    },

    /** Decrypted connection details; server-side only, for building model clients. */
    connection,

    /** One real call through the provider; the provider's own error text comes back verbatim. */
    async test(id: string, remoteModel: string) {
      const row = q.findProvider(db, id);
      if (!row) throw new NotFoundError("Provider", id);
      const probe: ModelSpec = {
        id: `probe:${row.name}`,
        name: remoteModel,
        providerId: id,
        providerKind: row.kind,
        remoteModel,
        contextWindow: 4096,
        pricing: { inputUsdPerMTok: 0, outputUsdPerMTok: 0 },
        enabled: true,
        simulated: row.kind === "simulated" ? { seed: 1, skills: {}, latency: { ttftMs: 0, tokensPerSec: 1000, jitter: 0 }, faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 } } : undefined,
      };
      return testConnection(probe, connection(id));
    },
  };
}

export type ProviderService = ReturnType<typeof createProviderService>;

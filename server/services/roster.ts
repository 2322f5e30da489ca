import type { Db } from "@/db/client";
import * as q from "@/db/queries/models";
import { findProvider } from "@/db/queries/providers";
import { statement } from "@/db/statements";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";
import { summarizeBeta } from "@/server/orchestrator/learning/beta";
import {
  CAPABILITIES,
  DEFAULT_RESILIENCE_SETTINGS,
  resilienceSettingsSchema,
  simulatedConfigSchema,
  type Capability,
  type CapabilityScore,
  type LLMModel,
  type ModelCapabilities,
  type ProviderKind,
  type ResilienceSettings,
  type SimulatedConfig,
} from "@/server/orchestrator/spec";

export interface ModelInput {
  id: string;
  name: string;
  providerId: string;
  remoteModel: string;
  contextWindow: number;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  enabled: boolean;
  simulated?: SimulatedConfig;
  /** timeouts, retries, breaker and bulkhead; null or left out: the defaults */
  resilience?: ResilienceSettings | null;
  /** starting scores per capability (0..1); left-out ones start at an uninformed 0.5 */
  initialScores?: Partial<Record<Capability, number>>;
}

export interface CapabilityView {
  mean: number;
  low: number;
  high: number;
  alpha: number;
  beta: number;
  source: string;
  manualScore: number | null;
  manualBy: string | null;
  manualAt: number | null;
  discoveredAt: number | null;
  observations: number;
}

export interface ModelView {
  id: string;
  name: string;
  providerId: string;
  providerName: string;
  providerKind: ProviderKind;
  remoteModel: string;
  contextWindow: number;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  enabled: boolean;
  isSimulated: boolean;
  /** the settings in force: the model's own, or the defaults when it has none */
  resilience: ResilienceSettings;
  /** whether the model has its own resilience settings */
  customResilience: boolean;
  capabilities: Record<Capability, CapabilityView>;
  updatedAt: number;
}

/** A stored value that no longer validates (an older shape, a hand edit) falls back to the defaults. */
function storedResilience(value: unknown): ResilienceSettings | null {
  if (value === null || value === undefined) return null;
  const parsed = resilienceSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Pseudo-observations behind a starting score given by hand. */
const INITIAL_PRIOR_STRENGTH = 4;

function capabilityViews(profiles: q.ProfileRow[]): Record<Capability, CapabilityView> {
  const byCapability = new Map(profiles.map((p) => [p.capability, p]));
  return Object.fromEntries(
    CAPABILITIES.map((c) => {
      const p = byCapability.get(c);
      const alpha = p?.alpha ?? 1;
      const beta = p?.beta ?? 1;
      const summary = summarizeBeta(alpha, beta);
      return [
        c,
        {
          ...summary,
          alpha,
          beta,
          source: p?.source ?? "seed",
          manualScore: p?.manualScore ?? null,
          manualBy: p?.manualBy ?? null,
          manualAt: p?.manualAt ?? null,
          discoveredAt: p?.discoveredAt ?? null,
          observations: p?.observations ?? 0,
        },
      ];
    }),
  ) as Record<Capability, CapabilityView>;
}

function toSpecCapabilities(views: Record<Capability, CapabilityView>): ModelCapabilities {
  return Object.fromEntries(
    CAPABILITIES.map((c): [Capability, CapabilityScore] => {
      const v = views[c];
      return v.manualScore !== null
        ? [c, { alpha: v.alpha, beta: v.beta, mean: v.manualScore, source: "manual" }]
        : [c, { alpha: v.alpha, beta: v.beta, mean: v.mean, source: v.source as CapabilityScore["source"] }];
    }),
  ) as ModelCapabilities;
}

export function createRosterService(db: Db, now: () => number = Date.now) {
  let cache: { version: number; views: ModelView[]; specs: LLMModel[] } | undefined;
  /** this connection's own writes; data_version only counts other connections' commits */
  let localRevision = 0;

  /** PRAGMA data_version changes when another connection (the CLI, say) commits: reload then. */
  function dataVersion(): number {
    return statement(db.$client, "pragma data_version").pluck().get() as number;
  }

  function load() {
    const profiles = q.listProfiles(db);
    const byModel = new Map<string, q.ProfileRow[]>();
    for (const p of profiles) byModel.set(p.modelId, [...(byModel.get(p.modelId) ?? []), p]);
    const views: ModelView[] = q.listModelsWithProvider(db).map(({ model, provider }) => ({
      id: model.id,
      name: model.name,
      providerId: provider.id,
      providerName: provider.name,
      providerKind: provider.kind,
      remoteModel: model.remoteModel,
      contextWindow: model.contextWindow,
      inputUsdPerMTok: model.inputUsdPerMTok,
      outputUsdPerMTok: model.outputUsdPerMTok,
      enabled: model.enabled,
      isSimulated: provider.kind === "simulated",
      resilience: storedResilience(model.resilience) ?? DEFAULT_RESILIENCE_SETTINGS,
      customResilience: storedResilience(model.resilience) !== null,
      capabilities: capabilityViews(byModel.get(model.id) ?? []),
      updatedAt: model.updatedAt,
    }));
    const simulatedById = new Map(
      q.listModelsWithProvider(db).map(({ model }) => [model.id, model.simulated as SimulatedConfig | null]),
    );
    const specs: LLMModel[] = views.map((v) => ({
      id: v.id,
      name: v.name,
      providerId: v.providerId,
      providerKind: v.providerKind,
      remoteModel: v.remoteModel,
      contextWindow: v.contextWindow,
      pricing: { inputUsdPerMTok: v.inputUsdPerMTok, outputUsdPerMTok: v.outputUsdPerMTok },
      enabled: v.enabled,
      simulated: simulatedById.get(v.id) ?? undefined,
      resilience: v.resilience,
      capabilities: toSpecCapabilities(v.capabilities),
    }));
    return { views, specs };
  }

  function snapshot() {
    const version = dataVersion();
    if (!cache || cache.version !== version) cache = { version, ...load() };
    return cache;
  }

  function invalidate() {
    cache = undefined;
    localRevision += 1;
  }

  function validateSimulated(kind: ProviderKind, simulated: SimulatedConfig | undefined) {
    if (kind === "simulated" && !simulated) throw new InvalidInputError("simulated", "a simulated model needs its skills, latency and faults");
    if (kind !== "simulated" && simulated) throw new InvalidInputError("simulated", "only models of the simulated provider take a simulation config");
    if (simulated) simulatedConfigSchema.parse(simulated);
  }

  function validateResilience(settings: ResilienceSettings | null | undefined): ResilienceSettings | null {
    if (!settings) return null;
    const parsed = resilienceSettingsSchema.safeParse(settings);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(["resilience", ...(issue?.path ?? [])].join("."), issue?.message ?? "is invalid");
  }

  return {
    list: (): ModelView[] => snapshot().views,
    specs: (): LLMModel[] => snapshot().specs,
    /** tells the roster its profiles changed behind its back (learning, discovery, overrides) */
    changed: invalidate,

    /** changes whenever the roster may have changed, here or in another process (the CLI) */
    revision: (): string => `${dataVersion()}:${localRevision}`,

    get(id: string): ModelView {
      const found = snapshot().views.find((m) => m.id === id);
      if (!found) throw new NotFoundError("Model", id);
      return found;
    },

    spec(id: string): LLMModel {
      const found = snapshot().specs.find((m) => m.id === id);
      if (!found) throw new NotFoundError("Model", id);
      return found;
    },

    simulatedConfig(id: string): SimulatedConfig | null {
      const row = q.findModel(db, id);
      if (!row) throw new NotFoundError("Model", id);
      return (row.simulated as SimulatedConfig | null) ?? null;
    },

    create(input: ModelInput): ModelView {
      const provider = findProvider(db, input.providerId);
      if (!provider) throw new InvalidInputError("providerId", `provider "${input.providerId}" does not exist`);
      if (q.findModel(db, input.id)) throw new ConflictError(`A model with id "${input.id}" already exists`);
      validateSimulated(provider.kind, input.simulated);
      const resilience = validateResilience(input.resilience);
      const at = now();
      db.transaction((tx) => {
        const txDb = tx as unknown as Db;
        q.insertModel(txDb, {
          id: input.id,
          name: input.name,
          providerId: input.providerId,
          remoteModel: input.remoteModel,
          contextWindow: input.contextWindow,
          inputUsdPerMTok: input.inputUsdPerMTok,
          outputUsdPerMTok: input.outputUsdPerMTok,
          enabled: input.enabled,
          simulated: input.simulated ?? null,
          resilience,
          updatedAt: at,
        });
        for (const capability of CAPABILITIES) {
          const start = input.initialScores?.[capability] ?? 0.5;
          q.upsertProfile(txDb, {
            modelId: input.id,
            capability,
            alpha: start * INITIAL_PRIOR_STRENGTH,
            beta: (1 - start) * INITIAL_PRIOR_STRENGTH,
            source: "seed",
            updatedAt: at,
          });
        }
      });
      invalidate();
      return this.get(input.id);
    },

    update(id: string, patch: Omit<Partial<ModelInput>, "id" | "initialScores">): ModelView {
      const row = q.findModel(db, id);
      if (!row) throw new NotFoundError("Model", id);
      const providerId = patch.providerId ?? row.providerId;
      const provider = findProvider(db, providerId);
      if (!provider) throw new InvalidInputError("providerId", `provider "${providerId}" does not exist`);
      const simulated = patch.simulated ?? (row.simulated as SimulatedConfig | null) ?? undefined;
      validateSimulated(provider.kind, provider.kind === "simulated" ? simulated : patch.simulated);
      const resilience = patch.resilience === undefined ? {} : { resilience: validateResilience(patch.resilience) };
      q.updateModel(db, id, { ...patch, ...resilience, simulated: provider.kind === "simulated" ? simulated : null, updatedAt: now() });
      invalidate();
      return this.get(id);
    },

    setEnabled(id: string, enabled: boolean): ModelView {
      if (!q.updateModel(db, id, { enabled, updatedAt: now() })) throw new NotFoundError("Model", id);
      invalidate();
      return this.get(id);
    },

    remove(id: string): void {
      if (!q.deleteModel(db, id)) throw new NotFoundError("Model", id);
      invalidate();
    },

  };
}

export type RosterService = ReturnType<typeof createRosterService>;

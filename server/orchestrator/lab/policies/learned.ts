import { applyLearned, createProfileLearner, type ProfileLearner } from "../../learning";
import type { TimedPosterior } from "../../learning";
import { createSeededRandom } from "../../random";
import { createModelRegistry, type InMemoryModelRegistry } from "../../registry";
import { createRouter, type Router } from "../../routing";
import { CAPABILITIES, type Capability, type LLMModel, type ModelCapabilities, type RoutingPolicy } from "../../spec";
import { NO_ANSWER, type Decision } from "../decision";
import type { PreparedItem } from "../prepare";
import type { LabModel } from "../types";

/** Uninformed Beta(1, 1) on every capability: the models of a data set are new to this roster. */
function coldCapabilities(): ModelCapabilities {
  return Object.fromEntries(CAPABILITIES.map((c) => [c, { alpha: 1, beta: 1, mean: 0.5, source: "seed" as const }])) as ModelCapabilities;
}

function rosterModel(m: LabModel): LLMModel {
  return {
    id: m.id,
    name: m.id,
    providerId: m.provider ?? "lab",
    providerKind: "openai-compatible",
    remoteModel: m.id,
    // recorded calls fitted their model's window; the data carries no window to check against
    contextWindow: 10_000_000,
    pricing: { inputUsdPerMTok: m.inputUsdPerMTok, outputUsdPerMTok: m.outputUsdPerMTok },
    enabled: true,
    capabilities: coldCapabilities(),
  };
}

/**
 * An online learner over Ensemble's real registry, router and profile learner: the same objects production
 * routes with, on a roster of the data set's models, each starting cold.
 */
export class OnlineRoster {
  readonly registry: InMemoryModelRegistry;
  readonly router: Router;
  private readonly learner: ProfileLearner = createProfileLearner();
  private readonly profiles = new Map<string, Partial<Record<Capability, TimedPosterior>>>();

  constructor(models: readonly LabModel[], seed: number) {
    this.registry = createModelRegistry(models.map(rosterModel));
    this.router = createRouter({ registry: this.registry, random: createSeededRandom(seed) });
  }

  /** The model's outcome on the item, as the learner's signal (weight 1: a graded outcome, like a verifier's verdict). */
  observe(modelId: string, item: PreparedItem, correct: boolean): void {
    const profile = this.profiles.get(modelId) ?? {};
    const updates = this.learner.observe(profile, { capabilityWeights: item.requirements.capabilities, outcome: correct ? 1 : 0 });
    this.profiles.set(modelId, { ...profile, ...updates });
    this.registry.updateCapabilities(modelId, applyLearned(this.registry.getModel(modelId).capabilities, updates));
  }

  /** Models with no recorded outcome on the item are excluded, as if unavailable: their answer cannot be replayed. */
  unavailable(item: PreparedItem): string[] {
    return this.registry.listModels().flatMap((m) => (item.calls.has(m.id) ? [] : [m.id]));
  }
}

/**
 * One routing policy learning online, in item order: route with what is known so far, observe only the chosen
 * model's recorded outcome, update its posterior for the item's capability weights. No item's outcome is seen
 * before the item is routed.
 */
export function learnedRouter(policy: RoutingPolicy, items: readonly PreparedItem[], models: readonly LabModel[], seed: number): Decision[] {
  const roster = new OnlineRoster(models, seed);
  return items.map((item) => {
    const pick = roster.router.route(item.requirements, { policy, count: 1, exclude: roster.unavailable(item) }).ranked[0];
    const call = pick ? item.calls.get(pick.modelId) : undefined;
    if (!pick || !call) return NO_ANSWER;
    roster.observe(pick.modelId, item, call.correct);
    return { correct: call.correct, costUsd: call.costUsd, models: [pick.modelId] };
  });
}

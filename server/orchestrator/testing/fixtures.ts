import { NotFoundError } from "../errors";
import { CAPABILITIES, type Capability, type ChainStep, type ModelChain, type ModelSpec, type Task, type TaskEvent, type TaskRequirements } from "../spec";
import { createManualClock, type ManualClock } from "./clock";
import { createSeededRandom } from "./random";
import { createScriptedClient, type Script, type ScriptedClient } from "./scripted-client";

/** A roster entry with round prices (1 USD per million input tokens, 2 per million output) unless overridden. */
export function makeSpec(id: string, overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    id,
    name: id,
    providerId: "test",
    providerKind: "simulated",
    remoteModel: id,
    contextWindow: 32_000,
    pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
    enabled: true,
    ...overrides,
  };
}

export function makeTask(overrides: Partial<Task> = {}): Task {
  return { id: "task-1", prompt: "What is 6 * 7?", constraints: {}, strategy: "auto", policy: "balanced", ...overrides };
}

export function makeRequirements(overrides: Partial<TaskRequirements> = {}): TaskRequirements {
  const capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, 0])) as Record<Capability, number>;
  const primary = overrides.primary ?? "math";
  capabilities[primary] = 1;
  return {
    capabilities,
    primary,
    format: "text",
    inputTokens: 10,
    contextTokens: 0,
    constraints: {},
    confidence: 1,
    evidence: [],
    ...overrides,
  };
}

export function makeChain(strategy: ModelChain["strategy"], steps: ChainStep[], overrides: Partial<ModelChain> = {}): ModelChain {
  return { strategy, steps, explanation: { policy: "balanced", summary: "test plan", candidates: [] }, ...overrides };
}

export interface TestModel {
  script: Script;
  spec?: Partial<ModelSpec>;
  /** capability-profile mean for every capability (for vote tie-breaks) */
  mean?: number;
}

export interface TestPorts {
  ports: {
    client(modelId: string): ScriptedClient;
    model(modelId: string): ModelSpec;
    emit(event: TaskEvent): void;
    clock: ManualClock;
    random: ReturnType<typeof createSeededRandom>;
    capabilityMean(modelId: string, capability: Capability): number | undefined;
  };
  events: TaskEvent[];
  clients: Record<string, ScriptedClient>;
  clock: ManualClock;
  /** event types in order, output.delta left out unless asked */
  types(options?: { deltas?: boolean }): string[];
}

/** EnginePorts over scripted clients, an auto-advancing manual clock and a seeded RandomSource. */
export function createTestPorts(models: Record<string, TestModel>, options: { clock?: ManualClock; seed?: number } = {}): TestPorts {
  const clock = options.clock ?? createManualClock();
  const events: TaskEvent[] = [];
  const clients: Record<string, ScriptedClient> = {};
  for (const [id, model] of Object.entries(models)) clients[id] = createScriptedClient(id, model.script, { clock });
  return {
    events,
    clients,
    clock,
    types: ({ deltas = false } = {}) => events.filter((e) => deltas || e.type !== "output.delta").map((e) => e.type),
    ports: {
      client(modelId) {
        const client = clients[modelId];
        if (!client) throw new NotFoundError("model", modelId);
        return client;
      },
      model(modelId) {
        const model = models[modelId];
        if (!model) throw new NotFoundError("model", modelId);
        return makeSpec(modelId, model.spec);
      },
      emit: (event) => void events.push(event),
      clock,
      random: createSeededRandom(options.seed ?? 42),
      capabilityMean: (modelId) => models[modelId]?.mean,
    },
  };
}

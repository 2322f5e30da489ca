import { describe, expect, it } from "vitest";
import { builtinAnswerKeys, normalisePrompt } from "@/server/orchestrator/discovery/answer-keys";
import { runDiscovery, type ProbeOutcome, type Prober, type ProbeSource } from "@/server/orchestrator/discovery/estimator";
import { computeFigures, formatFigures, type Observed } from "@/server/orchestrator/discovery/estimator/test-support/figures";
import { drawSkills, type Skills } from "@/server/orchestrator/discovery/estimator/test-support/hidden-skill";
import { ProviderError } from "@/server/orchestrator/errors";
import { CAPABILITIES, costUsd, type Capability, type ModelClient, type ModelSpec } from "@/server/orchestrator/spec";
import { createManualClock } from "@/server/orchestrator/testing/clock";
import { createSeededRandom } from "@/server/orchestrator/testing/random";
import { createSimulatedClient } from "./simulated";

/**
 * The discovery figures end to end, through the real simulated provider: every probe is a generate() call
 * on a simulated model whose hidden skills the estimator never sees. Keyed questions (the built-in answer
 * keys: math, classification, knowledge, translation) are graded against the key, like a real suite; the
 * other capabilities have no keys, so their items are templated prompts graded by the provider's
 * simulatedTruth (the simulator-aware grader). A keyed capability whose keys run out continues on templated
 * prompts.
 */
// a fresh draw each run, printed with the figures; FIGURES_SEED replays one
const SEED = Number(process.env.FIGURES_SEED ?? Math.floor(Math.random() * 1_000_000_000));
const MODELS = 300;
const noWait = async () => {};

interface Item {
  id: string;
  capability: Capability;
  prompt: string;
  /** the key's answer, for keyed items */
  answer?: string;
}

function itemsFor(capability: Capability): Item[] {
  const keyed = builtinAnswerKeys.keys(capability).map((k, i) => ({ id: `${capability}:key:${i}`, capability, prompt: k.prompt, answer: k.answer }));
  const templated = Array.from({ length: 200 }, (_, i) => ({
    id: `${capability}:tpl:${i}`,
    capability,
    prompt: `Discovery probe ${i} for ${capability}: handle case number ${i * 7919} as well as you can.`,
  }));
  return [...keyed, ...templated];
}

const ITEMS = Object.fromEntries(CAPABILITIES.map((c) => [c, itemsFor(c)])) as Record<Capability, Item[]>;

function sources(): Record<Capability, ProbeSource<Item>> {
  return Object.fromEntries(
    CAPABILITIES.map((capability) => [capability, { capability, nextItem: (asked: ReadonlySet<string>) => ITEMS[capability].find((item) => !asked.has(item.id)) }]),
  ) as Record<Capability, ProbeSource<Item>>;
}

const stats = { keyed: 0, templated: 0, keyedDisagreements: 0 };

/** Asks the simulated model and grades: the key for keyed items, the simulator's truth for the rest. */
function prober(client: ModelClient, spec: ModelSpec): Prober<Item> {
  return {
    async probe(item, signal): Promise<ProbeOutcome> {
      try {
        const result = await client.generate({ messages: [{ role: "user", content: item.prompt }], capabilityHint: item.capability, signal });
        const cost = costUsd(spec.pricing, result.usage.inputTokens, result.usage.outputTokens);
        if (item.answer !== undefined) {
          stats.keyed += 1;
          const pass = normalisePrompt(result.text) === normalisePrompt(item.answer);
          if (result.simulatedTruth && result.simulatedTruth.correct !== pass) stats.keyedDisagreements += 1;
          return { pass, latencyMs: result.latencyMs, costUsd: cost };
        }
        stats.templated += 1;
        if (!result.simulatedTruth) return { broken: true, detail: "no simulated truth on a templated reply" };
        return { pass: result.simulatedTruth.correct, latencyMs: result.latencyMs, costUsd: cost };
      } catch (error) {
        if (error instanceof ProviderError) return { error: error.message, retryAfterMs: error.retryAfterMs };
        throw error;
      }
    },
  };
}

function simulatedSpec(id: string, seed: number, skills: Skills, faults: Partial<NonNullable<ModelSpec["simulated"]>["faults"]> = {}): ModelSpec {
  return {
    id,
    name: id,
    providerId: "simulated",
    providerKind: "simulated",
    remoteModel: id,
    contextWindow: 32_000,
    pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
    enabled: true,
    simulated: {
      seed,
      skills,
      latency: { ttftMs: 300, tokensPerSec: 80, jitter: 0.2 },
      faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0, ...faults },
    },
  };
}

describe("discovery figures through the simulated provider", () => {
  it("recovers hidden skills: MAE ≤ 0.06, 90% coverage ≥ 88%, ordering ≥ 95%, ≤ 40 probes per capability", async () => {
    const random = createSeededRandom(SEED);
    const observed: Observed[] = [];
    for (let i = 0; i < MODELS; i++) {
      const spec = simulatedSpec(`sim-${i}`, Math.floor(random.next() * 2 ** 31), drawSkills(random));
      const client = createSimulatedClient(spec, { sleep: noWait });
      const result = await runDiscovery({ model: spec, capabilities: CAPABILITIES, sources: sources(), prober: prober(client, spec), random });
      expect(result.status).toBe("complete");
      observed.push({ truth: spec.simulated?.skills as Skills, result });
    }
    const figures = computeFigures(observed);
    console.log(formatFigures(`simulated provider, seed ${SEED}`, figures));
    console.log(`  graded ${stats.keyed} keyed answers against the key, ${stats.templated} templated by simulatedTruth; key vs truth disagreements: ${stats.keyedDisagreements}`);
    expect(stats.keyedDisagreements).toBe(0);
    expect(figures.meanProbes).toBeLessThanOrEqual(40);
    expect(figures.mae).toBeLessThanOrEqual(0.06);
    expect(figures.coverage).toBeGreaterThanOrEqual(0.88);
    expect(figures.ordering).toBeGreaterThanOrEqual(0.95);
  });

  it("ends with the provider's own message when every call fails", async () => {
    const spec = simulatedSpec("sim-down", 5, drawSkills(createSeededRandom(5)), { errorRate: 1 });
    const result = await runDiscovery({ model: spec, capabilities: CAPABILITIES, sources: sources(), prober: prober(createSimulatedClient(spec, { sleep: noWait }), spec), random: createSeededRandom(1) });
    console.log(`always-failing model: status ${result.status} after ${result.callsMade} calls: "${result.failure?.message}"`);
    expect(result.status).toBe("failed");
    expect(result.callsMade).toBe(5);
    expect(result.failure?.message).toMatch(/The server had an error while processing your request.*\(simulated fault\)/);
  });

  it("waits out 429s on the clock and still finishes a flaky model", async () => {
    const clock = createManualClock();
    const spec = simulatedSpec("sim-flaky", 9, drawSkills(createSeededRandom(9)), { errorRate: 0.15, rateLimitRate: 0.1 });
    const result = await runDiscovery({
      model: spec,
      capabilities: ["math", "translation"],
      sources: sources(),
      prober: prober(createSimulatedClient(spec, { sleep: noWait }), spec),
      random: createSeededRandom(2),
      clock,
    });
    const rateLimited = result.errors.filter((e) => e.message.startsWith("Rate limit reached")).length;
    console.log(`flaky model: ${result.probesUsed} graded, ${result.errors.length} errors (${rateLimited} rate limits), ${result.elapsedMs} ms waited on the clock`);
    expect(result.status).toBe("complete");
    expect(result.probesUsed).toBe(80);
    expect(rateLimited).toBeGreaterThan(0);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(rateLimited * 1000);
  });
});

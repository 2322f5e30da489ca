/**
 * Routing decision latency on synthetic rosters of 10 … 10,000 models.
 *
 *   npx tsx bench/routing.bench.ts
 *
 * Each decision is one router.route() call on a random task (1–3 weighted capabilities, random
 * format, size, policy and constraints), including its explanation. The roster is built once per
 * size; between decisions a profile update and an outcome are fed in, as the learning loop would.
 *
 * p50/p99/max are the wall clock of each decision's first call. "steady" repeats each decision
 * three times back to back and keeps the fastest: on a shared machine a neighbour's burst preempts
 * a few calls, and the steady figures show the code's own cost without that (slightly optimistic:
 * repeats find warm caches).
 */
import { pathToFileURL } from "node:url";
import { createModelRegistry, type InMemoryModelRegistry } from "../server/orchestrator/registry";
import { createRouter } from "../server/orchestrator/routing";
import {
  CAPABILITIES,
  OUTPUT_FORMATS,
  ROUTING_POLICIES,
  type Capability,
  type CapabilityScore,
  type LLMModel,
  type ModelCapabilities,
  type RandomSource,
  type TaskRequirements,
} from "../server/orchestrator/spec";
import { createSeededRandom } from "../server/orchestrator/testing/random";

export interface RoutingBenchFigure {
  models: number;
  decisions: number;
  /** wall clock of the first call of each decision */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /**
   * Each decision repeated `repeats` times back to back, fastest kept: removes a busy neighbour's
   * preemption from the tail (slightly optimistic: repeats find warm caches).
   */
  steadyP50Ms: number;
  steadyP99Ms: number;
  /** decisions that ended in UnsatisfiableError (constraints nobody met), timed like the rest */
  unsatisfiable: number;
}

export interface RoutingBenchOptions {
  sizes?: number[];
  decisions?: number;
  warmup?: number;
  seed?: number;
  repeats?: number;
}

const pick = <T>(random: RandomSource, items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
const clamp01 = (x: number) => Math.min(0.99, Math.max(0.01, x));

function normal(random: RandomSource): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** A model whose capabilities follow a latent strength (as real rosters do), with one specialty and price rising with strength. */
function syntheticModel(i: number, random: RandomSource): LLMModel {
  const strength = 0.3 + 0.6 * random.next();
  const specialty = pick(random, CAPABILITIES);
  const evidence = 4 + 200 * random.next();
  const capabilities = Object.fromEntries(
    CAPABILITIES.map((c): [Capability, CapabilityScore] => {
      const mean = clamp01(strength + 0.08 * normal(random) + (c === specialty ? 0.15 : 0));
      return [c, { alpha: mean * evidence, beta: (1 - mean) * evidence, mean, source: "seed" }];
    }),
  ) as ModelCapabilities;
  const output = Math.exp(Math.log(0.2) + (Math.log(60) - Math.log(0.2)) * clamp01(strength + 0.15 * normal(random)));
  return {
    id: `m${String(i).padStart(5, "0")}`,
    name: `Model ${i}`,
    providerId: `p${i % 37}`,
    providerKind: "openai-compatible",
    remoteModel: `m${i}`,
    contextWindow: pick(random, [8_000, 32_000, 128_000, 200_000]),
    pricing: { inputUsdPerMTok: output / 3, outputUsdPerMTok: output },
    enabled: random.next() > 0.05,
    capabilities,
  };
}

function syntheticRoster(n: number, random: RandomSource): InMemoryModelRegistry {
  const registry = createModelRegistry();
  for (let i = 0; i < n; i++) registry.upsertModel(syntheticModel(i, random));
  for (let i = 0; i < n; i++) {
    const id = `m${String(i).padStart(5, "0")}`;
    if (random.next() < 0.02) registry.setHealth(id, "open");
    const calls = Math.floor(random.next() * 6);
    for (let k = 0; k < calls; k++) registry.recordOutcome(id, { latencyMs: 300 + 8000 * random.next(), ok: random.next() > 0.05 });
  }
  return registry;
}

function syntheticTask(random: RandomSource): TaskRequirements {
  const capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, 0])) as Record<Capability, number>;
  const primary = pick(random, CAPABILITIES);
  capabilities[primary] = 1;
  const extra = Math.floor(random.next() * 3);
  for (let i = 0; i < extra; i++) capabilities[pick(random, CAPABILITIES)] += 0.2 + 0.5 * random.next();
  const inputTokens = Math.floor(50 + 5000 * random.next());
  return {
    capabilities,
    primary,
    format: pick(random, OUTPUT_FORMATS),
    inputTokens,
    contextTokens: random.next() < 0.1 ? 100_000 : inputTokens,
    constraints: {
      maxCostUsd: random.next() < 0.3 ? 0.001 + 0.05 * random.next() : undefined,
      maxLatencyMs: random.next() < 0.2 ? 5_000 + 30_000 * random.next() : undefined,
      minQuality: random.next() < 0.2 ? 0.5 + 0.3 * random.next() : undefined,
    },
    confidence: 1,
    evidence: [],
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function benchSize(models: number, options: Required<RoutingBenchOptions>): RoutingBenchFigure {
  const random = createSeededRandom(options.seed + models);
  const registry = syntheticRoster(models, random);
  const router = createRouter({ registry, random });
  const wall: number[] = [];
  const steady: number[] = [];
  let unsatisfiable = 0;
  for (let i = 0; i < options.warmup + options.decisions; i++) {
    // the learning loop keeps moving profiles between decisions: exercise the incremental orderings too
    const id = `m${String(Math.floor(random.next() * models)).padStart(5, "0")}`;
    const current = registry.getModel(id).capabilities;
    const c = pick(random, CAPABILITIES);
    const mean = clamp01(current[c].mean + 0.02 * normal(random));
    registry.updateCapabilities(id, { ...current, [c]: { ...current[c], mean, source: "learned" } });
    registry.recordOutcome(id, { latencyMs: 300 + 5000 * random.next(), ok: random.next() > 0.05 });

    const task = syntheticTask(random);
    const policy = pick(random, ROUTING_POLICIES);
    let fastest = Number.POSITIVE_INFINITY;
    for (let r = 0; r < options.repeats; r++) {
      const start = process.hrtime.bigint();
      let failed = false;
      try {
        router.route(task, { policy });
      } catch {
        failed = true;
      }
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      fastest = Math.min(fastest, ms);
      if (r === 0 && i >= options.warmup) {
        wall.push(ms);
        if (failed) unsatisfiable += 1;
      }
    }
    if (i >= options.warmup) steady.push(fastest);
  }
  for (const list of [wall, steady]) list.sort((a, b) => a - b);
  return {
    models,
    decisions: options.decisions,
    p50Ms: percentile(wall, 0.5),
    p99Ms: percentile(wall, 0.99),
    maxMs: wall[wall.length - 1] ?? 0,
    steadyP50Ms: percentile(steady, 0.5),
    steadyP99Ms: percentile(steady, 0.99),
    unsatisfiable,
  };
}

export function runRoutingBench(options: RoutingBenchOptions = {}): RoutingBenchFigure[] {
  const full: Required<RoutingBenchOptions> = {
    sizes: options.sizes ?? [10, 100, 1_000, 10_000],
    decisions: options.decisions ?? 2_000,
    warmup: options.warmup ?? 300,
    seed: options.seed ?? 42,
    repeats: options.repeats ?? 3,
  };
  return full.sizes.map((n) => benchSize(n, full));
}

function print(figures: readonly RoutingBenchFigure[]): void {
  console.log("routing decision latency in ms (random tasks, all four policies, explanation included)");
  console.log("models   decisions  p50      p99      max      steady p50  steady p99  unsatisfiable");
  const cell = (n: number, w = 8) => n.toFixed(3).padEnd(w);
  for (const f of figures) {
    console.log(
      `${String(f.models).padEnd(8)} ${String(f.decisions).padEnd(10)} ${cell(f.p50Ms)} ${cell(f.p99Ms)} ${cell(f.maxMs)} ${cell(f.steadyP50Ms, 11)} ${cell(f.steadyP99Ms, 11)} ${f.unsatisfiable}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(runRoutingBench());
}

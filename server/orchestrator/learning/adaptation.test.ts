import { describe, expect, it } from "vitest";
import { runDiscovery } from "../discovery/estimator/run-discovery";
import { bernoulliProber, listSources, type HiddenModel } from "../discovery/estimator/test-support/hidden-skill";
import { createModelRegistry } from "../registry/model-registry";
import { createRouter } from "../routing/router";
import { CAPABILITIES, type Capability, type CapabilityScore, type LLMModel, type ModelCapabilities } from "../spec";
import { makeRequirements, makeSpec } from "../testing/fixtures";
import { createSeededRandom } from "../testing/random";
import { applyLearned } from "./apply";
import { createProfileLearner } from "./learner";

/**
 * Does learning let a better newcomer win the traffic? A stream of math tasks is routed by the real router
 * with the "explore" policy (Thompson sampling over the registry's Beta posteriors). Four incumbents start
 * from a discovery run (40 probes each); after BEFORE tasks a stronger model joins with a cold-start
 * Beta(1, 1). Each task's outcome is Bernoulli(true skill of the model chosen); with learning on it goes
 * through the profile learner into registry.updateCapabilities, exactly as the engine's learn stage does.
 */
const SEED = Number(process.env.ADAPTATION_SEED ?? 7);
const BEFORE = 100;
const AFTER = 200;
const WINDOW = 25;
const INCUMBENTS: ReadonlyArray<[id: string, skill: number]> = [
  ["steady", 0.55],
  ["solid", 0.62],
  ["strong", 0.66],
  ["best-so-far", 0.7],
];
const NEWCOMER: [string, number] = ["newcomer", Number(process.env.NEWCOMER_SKILL ?? 0.85)];

const uniform = (): ModelCapabilities =>
  Object.fromEntries(CAPABILITIES.map((c): [Capability, CapabilityScore] => [c, { alpha: 1, beta: 1, mean: 0.5, source: "seed" }])) as ModelCapabilities;

function hiddenModel(id: string, skill: number, seed: number): HiddenModel {
  return { id, seed, skills: Object.fromEntries(CAPABILITIES.map((c) => [c, c === "math" ? skill : 0.5])) as Record<Capability, number> };
}

async function discovered(id: string, skill: number, seed: number): Promise<LLMModel> {
  const result = await runDiscovery({
    model: { id },
    capabilities: ["math"],
    sources: listSources(),
    prober: bernoulliProber(hiddenModel(id, skill, seed)),
    random: createSeededRandom(seed),
  });
  const math = result.capabilities.math;
  return { ...makeSpec(id), capabilities: { ...uniform(), math: { alpha: math.alpha, beta: math.beta, mean: math.mean, source: "discovered" } } };
}

interface Stream {
  /** per window of 25 tasks: the share of each model */
  windows: Record<string, number>[];
  /** the newcomer's share of the second 100 tasks after it joined */
  lateShare: number;
}

async function runStream(learning: boolean, seed: number = SEED): Promise<Stream> {
  const incumbents = await Promise.all(INCUMBENTS.map(([id, skill], i) => discovered(id, skill, seed * 100 + i)));
  const registry = createModelRegistry(incumbents);
  const router = createRouter({ registry, random: createSeededRandom(seed) });
  const outcomes = createSeededRandom(seed + 1);
  const learner = createProfileLearner();
  const skill = new Map<string, number>([...INCUMBENTS, NEWCOMER]);
  const requirements = makeRequirements({ primary: "math" });
  const chosen: string[] = [];

  for (let t = 0; t < BEFORE + AFTER; t++) {
    if (t === BEFORE) registry.upsertModel({ ...makeSpec(NEWCOMER[0]), capabilities: uniform() });
    const modelId = router.route(requirements, { policy: "explore" }).ranked[0]?.modelId as string;
    chosen.push(modelId);
    const outcome = outcomes.next() < (skill.get(modelId) as number) ? 1 : 0;
    if (!learning) continue;
    const capabilities = registry.getModel(modelId).capabilities;
    const updates = learner.observe(capabilities, { capabilityWeights: requirements.capabilities, outcome });
    registry.updateCapabilities(modelId, applyLearned(capabilities, updates));
  }

  const windows: Record<string, number>[] = [];
  for (let start = 0; start < chosen.length; start += WINDOW) {
    const slice = chosen.slice(start, start + WINDOW);
    windows.push(Object.fromEntries([...INCUMBENTS, NEWCOMER].map(([id]) => [id, slice.filter((m) => m === id).length / slice.length])));
  }
  const late = chosen.slice(BEFORE + AFTER / 2);
  return { windows, lateShare: late.filter((m) => m === NEWCOMER[0]).length / late.length };
}

function print(label: string, stream: Stream): void {
  const pct = (x: number | undefined) => `${Math.round(100 * (x ?? 0))}%`.padStart(4);
  const lines = stream.windows.map((w, i) => {
    const from = i * WINDOW + 1;
    const phase = from > BEFORE ? `+${String(from - BEFORE).padStart(3)}` : "    ";
    const others = INCUMBENTS.map(([id]) => `${id} ${pct(w[id])}`).join("  ");
    return `  tasks ${String(from).padStart(3)}–${String(from + WINDOW - 1).padStart(3)} ${phase}  newcomer ${pct(w[NEWCOMER[0]])} | ${others}`;
  });
  console.log(`${label} (seed ${SEED}; newcomer joins after task ${BEFORE}, skill ${NEWCOMER[1]} vs best incumbent 0.70)\n${lines.join("\n")}\n  newcomer share of tasks +101…+200: ${pct(stream.lateShare)}`);
}

/** The claim under test: within 200 tasks of joining, the newcomer carries most of the traffic. */
const takesMajority = (s: Stream) => s.lateShare > 0.5 && (s.windows.at(-1)?.[NEWCOMER[0]] ?? 0) > 0.5;

describe("continuous learning under Thompson-sampling routing", () => {
  it("hands the majority of traffic to a stronger newcomer within 200 tasks", async () => {
    const stream = await runStream(true, SEED);
    print("learning on", stream);
    expect(stream.windows[BEFORE / WINDOW]?.[NEWCOMER[0]]).toBeGreaterThan(0); // it gets tried at once
    expect(takesMajority(stream)).toBe(true);
  });

  it("control: without learning the newcomer never gets the majority", async () => {
    const stream = await runStream(false, SEED);
    print("learning off (control)", stream);
    expect(takesMajority(stream)).toBe(false);
    expect(stream.lateShare).toBeLessThan(0.5);
  });

  it("holds across seeds: 20 streams each way", async () => {
    const seeds = Array.from({ length: 20 }, (_, i) => 1000 + i);
    const on = await Promise.all(seeds.map((seed) => runStream(true, seed)));
    const off = await Promise.all(seeds.map((seed) => runStream(false, seed)));
    const shares = (streams: Stream[]) => streams.map((s) => Math.round(100 * s.lateShare)).join(" ");
    console.log(`newcomer share of tasks +101…+200 by seed (%)\n  learning on:  ${shares(on)}\n  learning off: ${shares(off)}`);
    console.log(`majority taken within 200 tasks: learning on ${on.filter(takesMajority).length}/20, off ${off.filter(takesMajority).length}/20`);
    expect(on.filter(takesMajority).length).toBeGreaterThanOrEqual(18);
    expect(off.filter(takesMajority).length).toBe(0);
  });
});

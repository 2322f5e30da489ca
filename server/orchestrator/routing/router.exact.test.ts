import { describe, expect, it } from "vitest";
import { UnsatisfiableError } from "../errors";
import { createModelRegistry, type InMemoryModelRegistry } from "../registry/model-registry";
import type { RandomSource } from "../spec";
import { createSeededRandom } from "../testing/random";
import { createRouter, type RouterConfig } from "./router";
import { bruteForceRanking } from "./test-support/brute-force";
import { fillRandom, randomCapabilities, randomModel, randomRequirements } from "./test-support/random-roster";

const POLICIES = ["balanced", "quality", "cost"] as const;

function mutate(registry: InMemoryModelRegistry, random: RandomSource, steps: number): void {
  for (let step = 0; step < steps; step++) {
    const entry = registry.entryAt(Math.floor(random.next() * registry.size));
    if (!entry) continue;
    const roll = random.next();
    if (roll < 0.3) registry.updateCapabilities(entry.id, randomCapabilities(random));
    else if (roll < 0.4) registry.removeModel(entry.id);
    else if (roll < 0.55) registry.setEnabled(entry.id, !entry.enabled);
    else if (roll < 0.65) registry.upsertModel(randomModel(entry.id, random));
    else if (roll < 0.7) registry.setHealth(entry.id, random.next() < 0.5 ? "open" : "closed");
    else registry.recordOutcome(entry.id, { latencyMs: 100 + 30_000 * random.next(), ok: random.next() > 0.15 });
  }
}

/** The router's walks (price tiers, threshold bounds, selective-constraint sets) must rank exactly like brute force. */
function expectExact(registry: InMemoryModelRegistry, random: RandomSource, config: Partial<RouterConfig>, tasks: number, tight = false): void {
  const router = createRouter({ registry, random, config });
  for (let t = 0; t < tasks; t++) {
    const req = randomRequirements(random, { tight });
    for (const policy of POLICIES) {
      const expected = bruteForceRanking(registry, req, { policy, count: 5 });
      let got: string[];
      try {
        const ranked = router.route(req, { policy, count: 5 }).ranked;
        got = (policy === "cost" ? ranked.filter((c) => c.score > 0) : ranked).map((c) => c.modelId);
      } catch (error) {
        if (!(error instanceof UnsatisfiableError)) throw error;
        got = [];
      }
      expect({ policy, task: t, ranked: got }).toEqual({ policy, task: t, ranked: expected });
    }
  }
}

describe("router rankings equal a brute-force ranking", () => {
  it("on random rosters of 40 and 300 models", () => {
    const random = createSeededRandom(101);
    for (const size of [40, 300]) {
      const registry = createModelRegistry();
      fillRandom(registry, size, random, `s${size}-`);
      expectExact(registry, random, {}, 40);
    }
  });

  it("when selective constraints are answered from their own orderings", () => {
    const random = createSeededRandom(202);
    const registry = createModelRegistry();
    fillRandom(registry, 400, random);
    // tight constraints and a small budget: the context, cost, latency and quality walks take over
    expectExact(registry, random, { feasibleBudget: 64 }, 80, true);
    expectExact(registry, random, { feasibleBudget: 64 }, 40);
  });

  it("after the roster changes under it (incremental orderings stay right)", () => {
    const random = createSeededRandom(303);
    const registry = createModelRegistry();
    fillRandom(registry, 250, random);
    for (let round = 0; round < 4; round++) {
      mutate(registry, random, 150);
      expectExact(registry, random, { feasibleBudget: round % 2 === 0 ? 512 : 24 }, 15);
    }
  });
});

import { describe, expect, it } from "vitest";
import { createModelRegistry } from "../registry/model-registry";
import type { CapabilityScore } from "../spec";
import { createSeededRandom } from "../testing/random";
import { createRouter } from "./router";
import { handmadeRegistry, model, profile, requirements } from "./test-support/roster";

/** Same price, different evidence: the case Thompson sampling exists for. */
function uncertainRoster() {
  const withMath = (mean: number, strength: number) => {
    const caps = profile(0.5);
    caps.math = { alpha: mean * strength, beta: (1 - mean) * strength, mean, source: "learned" } satisfies CapabilityScore;
    return caps;
  };
  return createModelRegistry([
    model("leader", { provider: "a", input: 1, output: 2, context: 32_000, caps: withMath(0.8, 12) }),
    model("runner", { provider: "b", input: 1, output: 2, context: 32_000, caps: withMath(0.74, 8) }),
    model("newcomer", { provider: "c", input: 1, output: 2, context: 32_000, caps: withMath(0.5, 2) }),
    model("weak", { provider: "d", input: 1, output: 2, context: 32_000, caps: withMath(0.3, 200) }),
  ]);
}

function picks(seed: number, decisions: number, registry = uncertainRoster()): string[] {
  const router = createRouter({ registry, random: createSeededRandom(seed) });
  return Array.from({ length: decisions }, () => router.route(requirements("math"), { policy: "explore" }).ranked[0]?.modelId ?? "");
}

describe("explore (Thompson sampling)", () => {
  it("is deterministic under a seed", () => {
    expect(picks(42, 60)).toEqual(picks(42, 60));
    expect(picks(42, 60)).not.toEqual(picks(43, 60));
  });

  it("picks the leader most often, and the others sometimes in proportion to their chance of being best", () => {
    const counts = new Map<string, number>();
    for (const id of picks(7, 600)) counts.set(id, (counts.get(id) ?? 0) + 1);
    const leader = counts.get("leader") ?? 0;
    expect(leader).toBeGreaterThan(240); // ~50%: its posterior is the best but not by far
    expect(counts.get("runner") ?? 0).toBeGreaterThan(30);
    expect(counts.get("newcomer") ?? 0).toBeGreaterThan(5); // wide posterior: sometimes drawn on top
    expect(counts.get("weak") ?? 0).toBe(0); // 200 observations at 0.3: never plausibly best
    expect(Math.max(...counts.values())).toBe(leader);
  });

  it("explains the draw and still respects hard constraints", () => {
    const registry = uncertainRoster();
    registry.setEnabled("leader", false);
    const router = createRouter({ registry, random: createSeededRandom(3) });
    const decision = router.route(requirements("math"), { policy: "explore", count: 3 });
    expect(decision.ranked.some((c) => c.modelId === "leader")).toBe(false);
    expect(decision.explanation.summary).toMatch(/chosen: best Thompson draw 0\.\d\d \(mean 0\.\d\d\)/);
    const [top, second] = decision.ranked;
    expect(top?.components.sample).toBeDefined();
    expect(second?.reason).toMatch(/^draw 0\.\d\d < leader's 0\.\d\d|^costs|^p50/);
  });

  it("keeps cost in the picture: a model far dearer for the same posterior is rarely tried", () => {
    const registry = handmadeRegistry();
    const router = createRouter({ registry, random: createSeededRandom(9) });
    const chosen = Array.from({ length: 200 }, () => router.route(requirements("math"), { policy: "explore" }).ranked[0]?.modelId);
    expect(chosen.filter((id) => id === "euclid").length).toBeGreaterThan(150);
  });
});

import { describe, expect, it } from "vitest";
import { createModelRegistry } from "../registry/model-registry";
import type { CandidateScore, Capability, RoutingPolicy } from "../spec";
import { createSeededRandom } from "../testing/random";
import { createRouter } from "./router";
import { flakify, handmadeRegistry, handmadeRoster, model, profile, requirements } from "./test-support/roster";

const routerFor = (registry = handmadeRegistry()) => createRouter({ registry, random: createSeededRandom(1) });
const leader = (capability: Capability, policy: RoutingPolicy, registry = handmadeRegistry()) =>
  routerFor(registry).route(requirements(capability), { policy }).ranked[0]?.modelId;

describe("router policies on the handmade roster", () => {
  it.each([
    ["math", "euclid"],
    ["code", "forge"],
    ["writing", "quill"],
    ["classification", "swift"],
    ["chat", "atlas"],
  ] as const)("balanced: %s goes to %s", (capability, expected) => {
    expect(leader(capability, "balanced")).toBe(expected);
  });

  it("quality: the strongest model wins whatever it costs", () => {
    expect(leader("classification", "quality")).toBe("atlas");
    expect(leader("math", "quality")).toBe("euclid");
    expect(leader("knowledge", "quality")).toBe("atlas");
  });

  it("cost: the cheapest model within 0.05 of the best, or meeting minQuality when one is set", () => {
    expect(leader("classification", "cost")).toBe("swift");
    expect(leader("math", "cost")).toBe("euclid"); // nobody else comes within 0.05 of it
    const router = routerFor();
    const relaxed = router.route(requirements("chat", { constraints: { minQuality: 0.7 } }), { policy: "cost" });
    expect(relaxed.ranked[0]?.modelId).toBe("swift");
    expect(relaxed.explanation.summary).toContain("cheapest meeting minimum quality 0.70");
    const tolerant = router.route(requirements("math"), { policy: "cost", qualityTolerance: 0.35 });
    expect(tolerant.ranked[0]?.modelId).toBe("forge"); // 0.61 delivered clears 0.92 − 0.35 and is cheaper than euclid
    expect(tolerant.explanation.candidates.find((c) => c.modelId === "glitch")?.reason).toMatch(/^quality 0\.5\d below the bar 0\.57/);
  });

  it("avoids the flaky model once its failures are on record, and says why", () => {
    const clean = handmadeRegistry({ flaky: false });
    expect(leader("chat", "balanced", clean)).toBe("glitch");
    flakify(clean);
    const decision = routerFor(clean).route(requirements("chat"), { policy: "balanced" });
    expect(decision.ranked[0]?.modelId).toBe("atlas");
    const glitch = decision.explanation.candidates.find((c) => c.modelId === "glitch");
    expect(glitch?.reason).toMatch(/^error rate \d+% vs leader 2%/);
  });

  it("explains the leader and every loser with the numbers that decided", () => {
    const decision = routerFor().route(requirements("classification"), { policy: "balanced", count: 5 });
    const [top, ...rest] = decision.explanation.candidates;
    expect(top?.reason).toMatch(/^best balanced score 0\.\d\d$/);
    const atlas = rest.find((c) => c.modelId === "atlas") as CandidateScore;
    expect(atlas.reason).toMatch(/^costs \d+× the leader for \+0\.03 quality; score 0\.\d\d vs 0\.\d\d$/);
    const math = routerFor().route(requirements("math"), { policy: "balanced" });
    expect(math.explanation.candidates.find((c) => c.modelId === "atlas")?.reason).toMatch(/^quality 0\.84 < leader 0\.94/);
    // five ranked shown; quill, the sixth, is only counted (the walk proved it cannot win without scoring it)
    expect(math.explanation.candidates.some((c) => c.modelId === "quill")).toBe(false);
    expect(math.explanation.omitted).toEqual({ "not-examined": 1 });
  });

  it("gives every candidate its score components, and the terms add up to the score", () => {
    const decision = routerFor().route(requirements("code"), { policy: "balanced" });
    for (const c of decision.explanation.candidates.filter((x) => !x.rejected)) {
      const k = c.components;
      expect(Object.keys(k)).toEqual(
        expect.arrayContaining(["quality", "uncertainty", "costUsd", "latencyMs", "errorRate", "cap.code", "term.quality", "term.cost"]),
      );
      const sum = (k["term.quality"] ?? 0) + (k["term.health"] ?? 0) + (k["term.cost"] ?? 0) + (k["term.latency"] ?? 0) + (k["term.uncertainty"] ?? 0);
      expect(sum).toBeCloseTo(c.score, 10);
    }
  });

  it("writes a one-sentence summary for the UI", () => {
    const { explanation } = routerFor().route(requirements("classification"), { policy: "balanced" });
    expect(explanation.policy).toBe("balanced");
    expect(explanation.summary).toMatch(/^swift chosen: best balanced score 0\.\d\d; classification 0\.83; \$0\.000\d+ est\.$/);
    const cost = routerFor().route(requirements("classification"), { policy: "cost" }).explanation.summary;
    expect(cost).toMatch(/^swift chosen: cheapest within 0\.05 of the best quality \(0\.\d\d vs best 0\.\d\d\); classification 0\.83; \$/);
    const quality = routerFor().route(requirements("math"), { policy: "quality" }).explanation.summary;
    expect(quality).toMatch(/^euclid chosen: highest expected quality 0\.94; math 0\.94; \$/);
  });

  it("ranks `count` candidates and honours exclude", () => {
    const router = routerFor();
    const decision = router.route(requirements("math"), { policy: "quality", count: 4 });
    expect(decision.ranked.map((c) => c.modelId)).toEqual(["euclid", "atlas", "forge", "glitch"]);
    const without = router.route(requirements("math"), { policy: "quality", exclude: ["euclid"] });
    expect(without.ranked[0]?.modelId).toBe("atlas");
    expect(without.explanation.omitted?.excluded).toBe(1);
  });

  it("weighs several capabilities by the task's weights", () => {
    const req = requirements("math");
    req.capabilities.math = 0.3;
    req.capabilities.writing = 0.7;
    expect(routerFor().route(req, { policy: "quality" }).ranked[0]?.modelId).toBe("atlas");
  });
});

describe("roster changes take effect on the next decision", () => {
  it("disable, re-enable, remove and add", () => {
    const registry = handmadeRegistry();
    const router = routerFor(registry);
    const math = () => router.route(requirements("math"), { policy: "balanced" });
    expect(math().ranked[0]?.modelId).toBe("euclid");
    registry.setEnabled("euclid", false);
    expect(math().ranked[0]?.modelId).not.toBe("euclid");
    expect(math().explanation.candidates.find((c) => c.modelId === "euclid")?.rejected).toBe("disabled");
    registry.setEnabled("euclid", true);
    expect(math().ranked[0]?.modelId).toBe("euclid");
    registry.removeModel("euclid");
    expect(math().explanation.candidates.some((c) => c.modelId === "euclid")).toBe(false);
    registry.upsertModel(model("gauss", { provider: "numera", input: 0.5, output: 1, context: 64_000, caps: profile(0.5, { math: 0.97 }) }));
    expect(math().ranked[0]?.modelId).toBe("gauss");
  });

  it("a learned profile update moves the model at once", () => {
    const registry = handmadeRegistry();
    const router = routerFor(registry);
    registry.updateCapabilities("swift", profile(0.55, { math: 0.97 }));
    expect(router.route(requirements("math"), { policy: "balanced" }).ranked[0]?.modelId).toBe("swift");
  });

  it("a manual override is the mean routing uses", () => {
    const registry = handmadeRegistry();
    const caps = profile(0.55);
    caps.math = { alpha: 2, beta: 8, mean: 0.99, source: "manual" };
    registry.updateCapabilities("swift", caps);
    expect(routerFor(registry).route(requirements("math"), { policy: "quality" }).ranked[0]?.modelId).toBe("swift");
  });

  it("a half-open breaker discounts a model; an open one rejects it", () => {
    const registry = handmadeRegistry();
    const router = routerFor(registry);
    registry.setHealth("euclid", "half-open");
    const halfOpen = router.route(requirements("math"), { policy: "balanced" });
    const euclid = halfOpen.ranked.find((c) => c.modelId === "euclid");
    expect(halfOpen.ranked[0]?.modelId).toBe("atlas");
    expect(euclid?.components["term.health"]).toBeLessThan(-0.15);
    expect(euclid?.reason).toMatch(/^circuit half-open/);
    registry.setHealth("euclid", "open");
    const open = router.route(requirements("math"), { policy: "balanced" });
    expect(open.ranked[0]?.modelId).not.toBe("euclid");
    expect(open.explanation.candidates.find((c) => c.modelId === "euclid")?.rejected).toBe("circuit open (provider failing)");
  });

  it("works on a one-model roster and lists rejected models even when none is ranked below the leader", () => {
    const registry = createModelRegistry(handmadeRoster().slice(0, 1));
    const decision = routerFor(registry).route(requirements("math"), { policy: "cost" });
    expect(decision.ranked.map((c) => c.modelId)).toEqual(["atlas"]);
  });
});

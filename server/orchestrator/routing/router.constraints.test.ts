import { describe, expect, it } from "vitest";
import { UnsatisfiableError } from "../errors";
import { createModelRegistry } from "../registry/model-registry";
import type { TaskRequirements } from "../spec";
import { createSeededRandom } from "../testing/random";
import { createRouter } from "./router";
import { handmadeRegistry, requirements } from "./test-support/roster";

const routerFor = (registry = handmadeRegistry()) => createRouter({ registry, random: createSeededRandom(1) });

function rejection(req: TaskRequirements, modelId: string, registry = handmadeRegistry()): string | undefined {
  const decision = routerFor(registry).route(req, { policy: "balanced", count: 6 });
  expect(decision.ranked.some((c) => c.modelId === modelId)).toBe(false);
  return decision.explanation.candidates.find((c) => c.modelId === modelId)?.rejected;
}

function unsatisfiable(req: TaskRequirements, registry = handmadeRegistry()): UnsatisfiableError {
  try {
    routerFor(registry).route(req, { policy: "balanced" });
  } catch (error) {
    expect(error).toBeInstanceOf(UnsatisfiableError);
    return error as UnsatisfiableError;
  }
  throw new Error("expected UnsatisfiableError");
}

describe("hard constraints reject with a reason naming the constraint", () => {
  it("disabled", () => {
    const registry = handmadeRegistry();
    registry.setEnabled("euclid", false);
    expect(rejection(requirements("math"), "euclid", registry)).toBe("disabled");
  });

  it("context window", () => {
    expect(rejection(requirements("math", { contextTokens: 100_000 }), "euclid")).toBe("context window 64,000 < 100,000 tokens needed");
  });

  it("expected cost over maxCostUsd", () => {
    expect(rejection(requirements("chat", { constraints: { maxCostUsd: 0.01 } }), "atlas")).toBe("expected cost $0.027 > budget $0.01");
  });

  it("expected p95 latency over maxLatencyMs, measured or from the price prior", () => {
    const registry = handmadeRegistry();
    for (let i = 0; i < 5; i++) registry.recordOutcome("euclid", { latencyMs: 20_000, ok: true });
    const req = requirements("math", { constraints: { maxLatencyMs: 12_000 } });
    expect(rejection(req, "euclid", registry)).toBe("expected p95 latency 20.0 s > limit 12.0 s");
    // atlas has no measurements: its prior for ~770 output tokens at $30/M is well over 12 s
    expect(rejection(req, "atlas", registry)).toMatch(/^expected p95 latency \d+\.\d s \(prior\) > limit 12\.0 s$/);
  });

  it("circuit open", () => {
    const registry = handmadeRegistry();
    registry.setHealth("forge", "open");
    expect(rejection(requirements("code"), "forge", registry)).toBe("circuit open (provider failing)");
  });

  it("expected quality under minQuality", () => {
    expect(rejection(requirements("math", { constraints: { minQuality: 0.9 } }), "atlas")).toBe("expected quality 0.84 < minimum 0.90");
  });

  it("counts what it does not list", () => {
    const decision = routerFor().route(requirements("math", { contextTokens: 100_000 }), { policy: "balanced" });
    expect(decision.ranked.map((c) => c.modelId).sort()).toEqual(["atlas", "forge", "quill"]);
    const rejected = decision.explanation.candidates.filter((c) => c.rejected);
    expect(rejected.length).toBe(2); // two examples per constraint
    expect(decision.explanation.omitted?.contextTokens).toBe(1); // the third model too small
    expect(decision.explanation.summary).toContain("(rejected: 3 context window)");
  });
});

describe("UnsatisfiableError names the constraint nothing meets", () => {
  const cases: Array<[string, TaskRequirements, string, RegExp]> = [
    ["contextTokens", requirements("math", { contextTokens: 250_000 }), "contextTokens", /^No enabled model has a context window ≥ 250,000 tokens \(largest: 200,000\)$/],
    ["maxCostUsd", requirements("math", { constraints: { maxCostUsd: 0.0001 } }), "maxCostUsd", /^No enabled model can answer within \$0\.0001 \(cheapest expected: \$0\.00035 for ~400 input \+ 768 output tokens\)$/],
    ["maxLatencyMs", requirements("math", { constraints: { maxLatencyMs: 500 } }), "maxLatencyMs", /^No enabled model is expected within 500 ms at p95 \(fastest: \d+ ms\)$/],
    ["minQuality", requirements("math", { constraints: { minQuality: 0.99 } }), "minQuality", /^No enabled model reaches expected quality 0\.99 for math \(best: 0\.94\)$/],
  ];
  it.each(cases)("%s", (_name, req, constraint, message) => {
    const error = unsatisfiable(req);
    expect(error.code).toBe("UNSATISFIABLE");
    expect(error.details?.constraint).toBe(constraint);
    expect(error.message).toMatch(message);
  });

  it("every model disabled", () => {
    const registry = handmadeRegistry();
    for (const m of registry.listModels()) registry.setEnabled(m.id, false);
    const error = unsatisfiable(requirements("math"), registry);
    expect(error.details?.constraint).toBe("enabled");
    expect(error.message).toBe("No model is enabled (6 registered, all disabled)");
  });

  it("every breaker open", () => {
    const registry = handmadeRegistry();
    for (const m of registry.listModels()) registry.setHealth(m.id, "open");
    expect(unsatisfiable(requirements("math"), registry).details?.constraint).toBe("circuit");
  });

  it("no models at all", () => {
    expect(unsatisfiable(requirements("math"), createModelRegistry()).message).toBe("No models are registered");
  });

  it("constraints that each some model meets, but never together", () => {
    // only atlas has the window, and atlas is over the budget
    const error = unsatisfiable(requirements("math", { contextTokens: 150_000, constraints: { maxCostUsd: 0.005 } }));
    expect(error.details?.constraint).toBe("constraints");
    expect(error.message).toMatch(/^No enabled model meets every constraint at once.*5 on context window, 1 on cost/);
  });

  it("everything excluded", () => {
    const registry = handmadeRegistry();
    const all = registry.listModels().map((m) => m.id);
    expect(() => routerFor(registry).route(requirements("math"), { exclude: all })).toThrow(/All 6 registered models were excluded/);
  });
});

import { describe, expect, it } from "vitest";
import { InvalidInputError, UnsatisfiableError } from "../errors";
import { createModelRegistry, type InMemoryModelRegistry } from "../registry/model-registry";
import { costUsd, type Capability, type ModelChain, type OutputFormat, type RoutingPolicy, type Strategy, type TaskRequirements } from "../spec";
import { createSeededRandom } from "../testing/random";
import { createPlanner } from "./planner";
import { createRouter } from "./router";
import { handmadeRegistry, handmadeRoster, requirements } from "./test-support/roster";

function plannerFor(registry: InMemoryModelRegistry = handmadeRegistry()) {
  return createPlanner({ router: createRouter({ registry, random: createSeededRandom(1) }), registry });
}

const task = (primary: Capability, format: OutputFormat = "text", overrides: Partial<TaskRequirements> = {}) =>
  requirements(primary, { format, ...overrides });
const roles = (chain: ModelChain) => chain.steps.map((s) => s.role);
const models = (chain: ModelChain) => chain.steps.map((s) => s.modelId);

/** Summed expected cost the way the planner counts it (inputs grow with what a step reads). */
function chainCost(registry: InMemoryModelRegistry, chain: ModelChain, req: TaskRequirements, out = 256): number {
  const proposers = chain.steps.filter((s) => s.role === "proposer").length;
  const feeds: Record<string, number> = { critique: 1, verifier: 1, revise: 2, aggregator: proposers };
  return chain.steps.reduce((sum, s) => sum + costUsd(registry.getModel(s.modelId).pricing, req.inputTokens + (feeds[s.role] ?? 0) * out, out), 0);
}

describe("planChain builds a valid chain for every strategy", () => {
  const planner = plannerFor();
  const plan = (strategy: Strategy, req = task("math", "short-answer"), policy: RoutingPolicy = "balanced") => planner.planChain(req, { strategy, policy });

  it("single: the top model, plus one or two diverse fallbacks", () => {
    const chain = plan("single");
    expect(chain.strategy).toBe("single");
    expect(chain.steps[0]).toEqual({ role: "answer", modelId: "euclid" });
    expect(roles(chain).slice(1)).toEqual(["fallback", "fallback"]);
    expect(new Set(models(chain)).size).toBe(chain.steps.length);
    expect(chain.explanation.summary).toMatch(/^Single \(requested\): euclid answers; fallbacks \w+, \w+ if it fails; est\. \$/);
    expect(chain.explanation.candidates[0]?.modelId).toBe("euclid");
  });

  it("fallback: ordered distinct alternates", () => {
    const chain = plan("fallback");
    expect(roles(chain)).toEqual(["answer", "fallback", "fallback", "fallback"]);
    expect(new Set(models(chain)).size).toBe(4);
  });

  it("cascade: cheap answers first, the strongest verifies on escalation", () => {
    const registry = handmadeRegistry();
    const chain = plannerFor(registry).planChain(task("math", "short-answer"), { strategy: "cascade", policy: "balanced" });
    expect(chain.strategy).toBe("cascade");
    expect(roles(chain).at(-1)).toBe("verifier");
    expect(roles(chain).slice(0, -1).every((r) => r === "answer")).toBe(true);
    expect(models(chain).at(-1)).toBe("euclid");
    const price = (id: string | undefined) => registry.getModel(id as string).pricing.outputUsdPerMTok;
    expect(price(models(chain)[0])).toBeLessThan(price(models(chain).at(-1)));
  });

  it("pipeline: draft, critique by another model, revise by the drafter", () => {
    const chain = plan("pipeline", task("code", "code"));
    expect(roles(chain)).toEqual(["draft", "critique", "revise"]);
    const [draft, critique, revise] = models(chain);
    expect(draft).toBe("forge");
    expect(revise).toBe(draft);
    expect(critique).not.toBe(draft);
  });

  it("mixture: three diverse proposers and the strongest as aggregator", () => {
    const chain = plan("mixture", task("writing"), "quality");
    expect(roles(chain)).toEqual(["proposer", "proposer", "proposer", "aggregator"]);
    const proposers = models(chain).slice(0, 3);
    expect(new Set(proposers).size).toBe(3);
    expect(models(chain)[3]).toBe("quill");
  });

  it("vote: 5 voters under the quality policy, 3 otherwise, always an odd number", () => {
    expect(roles(plan("vote", task("math", "short-answer"), "quality"))).toEqual(Array(5).fill("voter"));
    const three = plan("vote");
    expect(roles(three)).toEqual(["voter", "voter", "voter"]);
    expect(new Set(models(three)).size).toBe(3);
  });
});

describe("auto picks the strategy from the requirements and says why", () => {
  const planner = plannerFor();
  const auto = (req: TaskRequirements, policy: RoutingPolicy) => planner.planChain(req, { strategy: "auto", policy });
  it.each([
    ["short math answer, balanced", "cascade", task("math", "short-answer"), "balanced"],
    ["short math answer, quality", "vote", task("math", "short-answer"), "quality"],
    ["classification, cost", "cascade", task("classification"), "cost"],
    ["extraction, quality", "vote", task("extraction", "json"), "quality"],
    ["code, balanced", "single", task("code", "code"), "balanced"],
    ["code, quality", "pipeline", task("code", "code"), "quality"],
    ["code output prediction (short answer), quality", "vote", task("code", "short-answer"), "quality"],
    ["writing, quality", "mixture", task("writing"), "quality"],
    ["brainstorming, quality", "mixture", task("brainstorming", "list"), "quality"],
    ["writing, balanced", "single", task("writing"), "balanced"],
    ["chat", "single", task("chat"), "balanced"],
    ["anything while exploring", "single", task("math", "short-answer"), "explore"],
  ] as const)("%s → %s", (_name, expected, req, policy) => {
    const chain = auto(req, policy);
    expect(chain.strategy).toBe(expected);
    expect(chain.explanation.summary).toMatch(/^\w+ \(auto: /);
    expect(chain.explanation.policy).toBe(policy);
  });
});

describe("caps trim the chain: optional steps first, then a cheaper strategy", () => {
  it("drops fallbacks to fit maxCostUsd and says so", () => {
    const registry = handmadeRegistry();
    const req = task("math", "short-answer", { constraints: { maxCostUsd: 0.0022 } });
    const chain = plannerFor(registry).planChain(req, { strategy: "single", policy: "balanced" });
    expect(chain.steps[0]?.modelId).toBe("euclid");
    expect(chain.steps.length).toBeLessThan(3);
    expect(chainCost(registry, chain, req)).toBeLessThanOrEqual(0.0022);
    expect(chain.explanation.summary).toMatch(/Dropped optional fallback \w+ to fit the \$0\.0022 budget/);
  });

  it("maxSteps: 1 leaves only the answer", () => {
    const chain = plannerFor().planChain(task("math"), { strategy: "single", policy: "balanced", maxSteps: 1 });
    expect(roles(chain)).toEqual(["answer"]);
  });

  it("mixture keeps two proposers under maxSteps 3", () => {
    const chain = plannerFor().planChain(task("writing"), { strategy: "mixture", policy: "quality", maxSteps: 3 });
    expect(roles(chain)).toEqual(["proposer", "proposer", "aggregator"]);
    expect(chain.explanation.summary).toMatch(/dropped optional proposer \w+ to fit the 3-step limit/i);
  });

  it("a vote trimmed by maxSteps stays odd", () => {
    const chain = plannerFor().planChain(task("math", "short-answer"), { strategy: "vote", policy: "quality", maxSteps: 4 });
    expect(roles(chain)).toEqual(["voter", "voter", "voter"]);
    expect(chain.explanation.summary).toMatch(/to keep the voter count odd/i);
  });

  it("a pipeline that cannot fit becomes a single answer, and the summary says why", () => {
    const chain = plannerFor().planChain(task("code", "code"), { strategy: "pipeline", policy: "quality", maxSteps: 2 });
    expect(chain.strategy).toBe("single");
    expect(chain.steps[0]?.role).toBe("answer");
    expect(chain.steps.length).toBeLessThanOrEqual(2);
    expect(chain.explanation.summary).toMatch(/^Single instead of pipeline \(requested\): .*Pipeline needs more than 2 steps allows, so one model answers instead/);
  });

  it("a mixture over budget falls back to single within budget", () => {
    const registry = handmadeRegistry();
    const req = task("writing", "text", { constraints: { maxCostUsd: 0.002 } });
    const chain = plannerFor(registry).planChain(req, { strategy: "mixture", policy: "quality" });
    expect(chain.strategy).toBe("single");
    expect(chainCost(registry, chain, req, 768)).toBeLessThanOrEqual(0.002);
    expect(chain.explanation.summary).toMatch(/mixture needs more than a \$0\.002 budget allows/i);
  });

  it("a cascade is costed on its worst path: the verifier checks each answer, then answers itself", () => {
    const registry = handmadeRegistry();
    const out = 256;
    const worstPath = (chain: ModelChain, req: TaskRequirements) => {
      const answers = chain.steps.filter((s) => s.role === "answer");
      const verifier = registry.getModel(models(chain).at(-1) as string).pricing;
      return (
        answers.reduce((sum, a) => sum + costUsd(registry.getModel(a.modelId).pricing, req.inputTokens, out), 0) +
        answers.length * costUsd(verifier, req.inputTokens + out, 8) +
        costUsd(verifier, req.inputTokens, out)
      );
    };
    const uncapped = plannerFor(registry).planChain(task("math", "short-answer"), { strategy: "cascade", policy: "balanced" });
    expect(uncapped.strategy).toBe("cascade");
    // 0.00157 paid for swift → euclid counted once ($0.0016) but not its worst path ($0.0027)
    for (const maxCostUsd of [0.00157, 0.002, 0.003, worstPath(uncapped, task("math", "short-answer")) * 0.999]) {
      const req = task("math", "short-answer", { constraints: { maxCostUsd } });
      const chain = plannerFor(registry).planChain(req, { strategy: "cascade", policy: "balanced" });
      if (chain.strategy === "cascade") expect({ maxCostUsd, worst: worstPath(chain, req) <= maxCostUsd }).toEqual({ maxCostUsd, worst: true });
    }
  });

  it("a mixture trimmed to two proposers is costed with its aggregator reading two", () => {
    const registry = handmadeRegistry();
    const full = plannerFor(registry).planChain(task("writing"), { strategy: "mixture", policy: "quality" });
    const [p1, p2, , aggregator] = models(full);
    const steps: ModelChain["steps"] = [
      { role: "proposer", modelId: p1 as string },
      { role: "proposer", modelId: p2 as string },
      { role: "aggregator", modelId: aggregator as string },
    ];
    const trimmed = { ...full, steps };
    const cap = chainCost(registry, trimmed, task("writing"), 768) * 1.0001;
    const chain = plannerFor(registry).planChain(task("writing", "text", { constraints: { maxCostUsd: cap } }), { strategy: "mixture", policy: "quality" });
    expect(chain.strategy).toBe("mixture");
    expect(roles(chain)).toEqual(["proposer", "proposer", "aggregator"]);
  });

  it("a cascade with nothing cheap enough to try first becomes single", () => {
    // forge leads code; every cheaper model is more than 0.25 below it
    const chain = plannerFor().planChain(task("code", "short-answer"), { strategy: "auto", policy: "balanced" });
    expect(chain.strategy).toBe("single");
    expect(chain.explanation.summary).toMatch(/^Single instead of cascade \(auto: short verifiable answer \(code\)/);
    expect(chain.explanation.summary).toMatch(/cascade is not possible: no model cheaper than forge comes within 0\.25/i);
  });

  it("a strategy the roster cannot staff becomes single, saying why", () => {
    const registry = createModelRegistry(handmadeRoster().slice(0, 1));
    const chain = plannerFor(registry).planChain(task("math", "short-answer"), { strategy: "vote", policy: "balanced" });
    expect(chain.strategy).toBe("single");
    expect(chain.explanation.summary).toMatch(/vote is not possible: a vote needs at least two eligible models/i);
  });
});

describe("planChain errors", () => {
  it("propagates UnsatisfiableError when no model can answer", () => {
    expect(() => plannerFor().planChain(task("math", "text", { contextTokens: 250_000 }), { strategy: "auto", policy: "balanced" })).toThrow(UnsatisfiableError);
  });

  it("rejects a maxSteps below 1", () => {
    expect(() => plannerFor().planChain(task("math"), { strategy: "single", policy: "balanced", maxSteps: 0 })).toThrow(InvalidInputError);
  });
});

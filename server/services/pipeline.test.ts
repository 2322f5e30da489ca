import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "@/db/client";
import { ProviderError } from "@/server/orchestrator/errors";
import { createScriptedClient } from "@/server/orchestrator/testing";
import { bootstrap, createServices, type Services } from "./app";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

/** The services on a fresh in-memory database with the demo roster; simulated models answer at once. */
async function createTestServices(): Promise<Services> {
  const services = createServices(createDb(":memory:"), { sleep: () => Promise.resolve() });
  await bootstrap(services, () => undefined);
  return services;
}

let services: Services;

beforeEach(async () => {
  services = await createTestServices();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("task pipeline credit", () => {
  it("credits a mixture to its aggregator, not to the first proposer", async () => {
    // makes atlas the plan's aggregator while quill, the writing specialist, still proposes first
    services.profiles.setManual("sim-atlas-xl", "writing", 0.97, "test");
    const task = await services.tasks.runToCompletion(
      { prompt: "Write a haiku about rain.", strategy: "mixture", policy: "balanced", constraints: {}, cache: false },
      { source: "cli" },
    );

    expect(task.status).toBe("completed");
    const aggregator = task.steps.find((s) => s.role === "aggregator" && s.status === "completed");
    expect(aggregator).toBeDefined();
    expect(task.steps.find((s) => s.status === "completed")?.modelId).not.toBe(aggregator?.modelId);
    expect(task.output).toBe(aggregator?.output);
    expect(task.modelId).toBe(aggregator?.modelId);

    // operator feedback is evidence about the aggregator, not about the first proposer
    const observations = (id: string) => services.roster.get(id).capabilities.writing.observations;
    const proposer = task.steps[0]?.modelId ?? "";
    const before = { aggregator: observations("sim-atlas-xl"), proposer: observations(proposer) };
    services.profiles.feedback(task.id, "operator", "up");
    expect(observations("sim-atlas-xl")).toBe(before.aggregator + 1);
    expect(observations(proposer)).toBe(before.proposer);
  });
});

describe("task pipeline vote tie-break", () => {
  it("gives a tie to the stronger classifier under the cost policy, not to the cheapest", async () => {
    // swift is close enough to atlas for the cost policy to rank it first, yet atlas is the stronger classifier
    services.profiles.setManual("sim-atlas-xl", "classification", 0.9, "test");
    services.profiles.setManual("sim-swift-mini", "classification", 0.87, "test");
    const words = ["apple", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor"];
    const labels = new Map(services.roster.list().map((m, i) => [m.id, words[i] ?? m.id]));
    vi.spyOn(services.clients, "get").mockImplementation((id) => createScriptedClient(id, { text: `Answer: ${labels.get(id) ?? "unknown"}` }));

    const task = await services.tasks.runToCompletion(
      { prompt: 'Classify the sentiment of: "I loved the episode!" as positive, negative or neutral.', strategy: "vote", policy: "cost", constraints: {}, cache: false },
      { source: "cli" },
    );

    expect(task.status).toBe("completed");
    expect(task.requirements?.primary).toBe("classification");
    const planned = task.plan?.steps.map((s) => s.modelId) ?? [];
    expect(planned).toEqual(expect.arrayContaining(["sim-atlas-xl", "sim-swift-mini"]));
    // the routing scores (the fallback tie-break) favour swift: the test would pass by luck otherwise
    const topScored = [...(task.plan?.explanation.candidates ?? [])].filter((c) => planned.includes(c.modelId)).sort((a, b) => b.score - a.score)[0];
    expect(topScored?.modelId).toBe("sim-swift-mini");
    // every voter answered differently: a 1-1-1 tie
    expect(new Set(task.steps.map((s) => s.output)).size).toBe(planned.length);
    expect(task.modelId).toBe("sim-atlas-xl");
    expect(task.output).toContain(labels.get("sim-atlas-xl"));
  });
});

describe("task pipeline cache", () => {
  it("returns an answer the cascade's verifier rejected when nothing better came, but does not cache it", async () => {
    let answers = 0;
    vi.spyOn(services.clients, "get").mockImplementation((id) =>
      createScriptedClient(id, (request) => {
        const text = request.messages.map((m) => m.content).join("\n");
        if (text.includes("Is this answer correct?")) return { text: "NO" };
        // the cheap tier answers; every later attempt to answer (the verifier's own, any alternate) is refused
        return answers++ === 0 ? { text: "Answer: 41" } : { error: new ProviderError("bad-request", "refused", 400) };
      }),
    );
    const input = { prompt: "What is 6 times 7?", strategy: "cascade", policy: "balanced", constraints: {}, cache: true } as const;

    const first = await services.tasks.runToCompletion(input, { source: "cli" });
    expect(first.status).toBe("completed");
    expect(first.output).toContain("41");
    expect(first.steps.map((s) => s.role)).toEqual(expect.arrayContaining(["answer", "verifier"]));

    answers = 0;
    const second = await services.tasks.runToCompletion(input, { source: "cli" });
    expect(second.cachedFromTaskId ?? null).toBeNull();
    expect(second.steps.length).toBeGreaterThan(0);
  });
});

describe("task pipeline bookkeeping after completion", () => {
  it("keeps a completed task completed, announced once and still cached when learning from it throws", async () => {
    vi.spyOn(services.profiles, "learnFromTask").mockImplementation(() => {
      throw new Error("profile write failed");
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const ended: string[] = [];
    services.bus.subscribe("*", ({ event }) => {
      if (event.type === "task.completed" || event.type === "task.failed") ended.push(event.type);
    });
    const input = { prompt: "What is 2 + 2?", strategy: "single" as const, policy: "balanced" as const, constraints: {}, cache: true };

    const task = await services.tasks.runToCompletion(input, { source: "cli" });
    expect(task.status).toBe("completed");
    expect(ended).toEqual(["task.completed"]);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("could not learn from it"), expect.any(Error));
    // the answer was still cached after the failed learning step
    expect((await services.tasks.runToCompletion(input, { source: "cli" })).cacheHit).toBe(true);
  });
});

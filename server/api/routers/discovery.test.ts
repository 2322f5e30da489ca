import { describe, expect, it } from "vitest";
import { createHarness } from "../testing/harness";

const simulated = (skills: Record<string, number>) => ({
  seed: 9,
  skills,
  latency: { ttftMs: 0, tokensPerSec: 10_000, jitter: 0 },
  faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 },
});

describe("discovery router", () => {
  it("measures a new model, streams progress and writes a discovered profile", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    await admin.models.create({
      id: "sim-probe", name: "Probe", providerId: "simulated", remoteModel: "p", contextWindow: 8000,
      inputUsdPerMTok: 1, outputUsdPerMTok: 1, enabled: true, simulated: simulated({ math: 0.9, classification: 0.3 }),
    });
    const { runId } = await admin.discovery.start({ modelId: "sim-probe", capabilities: ["math", "classification"] });
    let progressEvents = 0;
    for await (const update of h.services.discovery.watch(runId)) {
      if (update.type === "progress") progressEvents++;
      if (update.type === "finished") expect(update.status).toBe("complete");
    }
    expect(progressEvents).toBeGreaterThan(10);
    const run = await admin.discovery.get({ runId });
    expect(run.status).toBe("complete");
    expect(run.probes.length).toBeGreaterThan(10);
    const math = run.result!.capabilities.math!;
    expect(math.low).toBeLessThan(0.9);
    expect(math.high).toBeGreaterThan(0.75);
    const model = await admin.models.get({ id: "sim-probe" });
    expect(model.capabilities.math.source).toBe("discovered");
    expect(model.capabilities.math.mean).toBeGreaterThan(model.capabilities.classification.mean);
    expect(model.capabilities.math.discoveredAt).not.toBeNull();
  });

  it("ends the run with the provider's error when every call fails", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    await admin.models.create({
      id: "sim-dead", name: "Dead", providerId: "simulated", remoteModel: "d", contextWindow: 8000, inputUsdPerMTok: 1, outputUsdPerMTok: 1, enabled: true,
      simulated: { ...simulated({ math: 0.9 }), faults: { errorRate: 1, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 } },
    });
    const run = await h.services.discovery.runToCompletion({ modelId: "sim-dead", capabilities: ["math"] });
    expect(run.status).toBe("failed");
    expect(run.error).toBeTruthy();
  });

  it("lets admins build their own suite, validating items, and run it", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const { id: suiteId } = await admin.discovery.createSuite({ name: "House arithmetic", capability: "math" });
    await expect(admin.discovery.addItem({ suiteId, item: { prompt: "2+2?", grader: { kind: "numeric", tolerance: 0 }, expected: "four" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/not a number/),
    });
    for (let i = 0; i < 5; i++) await admin.discovery.addItem({ suiteId, item: { prompt: `What is ${i} + ${i}?`, grader: { kind: "numeric", tolerance: 0 }, expected: String(2 * i) } });
    const suites = await admin.discovery.suites();
    expect(suites.find((s) => s.id === suiteId)?.items).toBe(5);
    expect(suites.filter((s) => s.builtin)).toHaveLength(12);
    const run = await h.services.discovery.runToCompletion({ modelId: "sim-atlas-xl", suiteId });
    expect(run.probes).toHaveLength(5);
    await expect(h.as("operator").discovery.createSuite({ name: "x", capability: "math" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

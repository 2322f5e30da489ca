import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ProviderError } from "@/server/orchestrator/errors";
import { DEFAULT_RESILIENCE_SETTINGS, type ResilienceSettings } from "@/server/orchestrator/spec";
import { createHarness } from "../testing/harness";

const custom: ResilienceSettings = {
  firstTokenTimeoutMs: 5_000,
  totalTimeoutMs: 60_000,
  maxRetries: 1,
  baseBackoffMs: 200,
  maxBackoffMs: 10_000,
  breaker: { consecutiveFailures: 2, failureRatio: null, window: 10, halfOpenAfterMs: 15_000 },
  bulkhead: { maxConcurrent: 4, maxQueued: 8 },
};

describe("models router: resilience settings", () => {
  it("shows the defaults until a model gets its own, and goes back to them on null", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const before = await h.as("viewer").models.get({ id: "sim-swift-mini" });
    expect(before).toMatchObject({ resilience: DEFAULT_RESILIENCE_SETTINGS, customResilience: false });

    const updated = await admin.models.update({ id: "sim-swift-mini", resilience: custom });
    expect(updated).toMatchObject({ resilience: custom, customResilience: true });
    expect(h.services.roster.spec("sim-swift-mini").resilience).toEqual(custom);

    const reset = await admin.models.update({ id: "sim-swift-mini", resilience: null });
    expect(reset).toMatchObject({ resilience: DEFAULT_RESILIENCE_SETTINGS, customResilience: false });
  });

  it("names the field and the limit on bad settings", async () => {
    const h = await createHarness();
    const error = (await h
      .as("admin")
      .models.update({ id: "sim-swift-mini", resilience: { ...custom, breaker: { ...custom.breaker, halfOpenAfterMs: 5 }, firstTokenTimeoutMs: 90_000 } })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/halfOpenAfterMs: must be at least 100 ms/);
    expect(error.message).toMatch(/firstTokenTimeoutMs: must be at most the total timeout \(60000 ms\)/);
  });
});

describe("models.breakers", () => {
  it("lists every model closed at first, then an open breaker with its probe time", async () => {
    const h = await createHarness();
    const viewer = h.as("viewer");
    const initial = await viewer.models.breakers();
    expect(initial.map((b) => b.modelId).sort()).toEqual((await viewer.models.list()).map((m) => m.id).sort());
    expect(initial.every((b) => b.state === "closed" && b.failures === 0 && b.openedAt === null && b.nextProbeAt === null)).toBe(true);

    await h.as("admin").models.update({ id: "sim-glitch", resilience: custom });
    // routing loads the roster when it first plans; tasks always plan before they call a model
    h.services.routing.plan(h.services.analysis.analyzer.analyzeSync({ prompt: "What is 2 + 2?", constraints: {} }), { strategy: "auto", policy: "balanced" });
    const guard = h.services.breakers.guard("sim-glitch");
    const before = Date.now();
    for (let i = 0; i < 2; i++) await guard.execute(() => Promise.reject(new ProviderError("server", "down", 500))).catch(() => undefined);

    const glitch = (await viewer.models.breakers()).find((b) => b.modelId === "sim-glitch");
    expect(glitch).toMatchObject({ state: "open", failures: 2 });
    expect(glitch?.openedAt).toBeGreaterThanOrEqual(before);
    expect(glitch?.nextProbeAt).toBe((glitch?.openedAt ?? 0) + 15_000);
    // routing hears of it: an open model is not planned
    expect(h.services.routing.registry.getStats("sim-glitch").health).toBe("open");
  });

  it("refuses anonymous callers", async () => {
    const h = await createHarness();
    await expect(h.as(null).models.breakers()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

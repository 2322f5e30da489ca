import { describe, expect, it } from "vitest";
import { ProviderError } from "@/server/orchestrator/errors";
import { DEFAULT_RESILIENCE_SETTINGS, type BreakerState, type ResilienceSettings } from "@/server/orchestrator/spec";
import { createBreakerRegistry } from "./breakers";

const quick: ResilienceSettings = { ...DEFAULT_RESILIENCE_SETTINGS, breaker: { consecutiveFailures: 2, failureRatio: null, window: 10, halfOpenAfterMs: 100 } };
const clock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
const failOnce = (guard: ReturnType<ReturnType<typeof createBreakerRegistry>["guard"]>) =>
  guard.execute(() => Promise.reject(new ProviderError("server", "down", 500))).catch(() => undefined);

describe("breaker registry", () => {
  it("keeps one guard per model across calls, and a closed snapshot for models never called", async () => {
    const models = [{ id: "a", resilience: quick }, { id: "b" }];
    const registry = createBreakerRegistry({ models: () => models, clock });
    expect(registry.guard("a")).toBe(registry.guard("a"));
    await failOnce(registry.guard("a"));
    await failOnce(registry.guard("a"));
    expect(registry.snapshot()).toEqual([
      { modelId: "a", state: "open", failures: 2, openedAt: expect.any(Number), nextProbeAt: expect.any(Number) },
      { modelId: "b", state: "closed", failures: 0, openedAt: null, nextProbeAt: null },
    ]);
  });

  it("says how long until the first open breaker among some models lets a probe through", async () => {
    let now = 1_000;
    const fixed = { now: () => now, sleep: clock.sleep };
    const slow: ResilienceSettings = { ...quick, breaker: { ...quick.breaker, halfOpenAfterMs: 5_000 } };
    const registry = createBreakerRegistry({ models: () => [{ id: "a", resilience: quick }, { id: "b", resilience: slow }, { id: "c" }], clock: fixed });
    expect(registry.msUntilProbe(["a", "b", "c"])).toBeUndefined();
    for (const id of ["a", "b"]) {
      await failOnce(registry.guard(id));
      await failOnce(registry.guard(id));
    }
    now += 40;
    expect(registry.msUntilProbe(["a", "b", "c"])).toBe(60);
    expect(registry.msUntilProbe(["b", "c"])).toBe(4_960);
    expect(registry.msUntilProbe(["c"])).toBeUndefined();
    now += 10_000;
    expect(registry.msUntilProbe(["a", "b"])).toBe(0);
  });

  it("starts a fresh, closed breaker when the model's breaker settings change", async () => {
    let resilience: ResilienceSettings = quick;
    const registry = createBreakerRegistry({ models: () => [{ id: "a", resilience }], clock });
    const first = registry.guard("a");
    await failOnce(first);
    await failOnce(first);
    resilience = { ...quick, maxRetries: 5 }; // not a breaker setting: same guard
    expect(registry.guard("a")).toBe(first);
    resilience = { ...quick, breaker: { ...quick.breaker, consecutiveFailures: 3 } };
    expect(registry.guard("a")).not.toBe(first);
    expect(registry.snapshot()[0]?.state).toBe("closed");
  });

  it("tells routing open, then half-open once the probe is due (so routing plans the probe), then closed", async () => {
    const health: Array<[string, BreakerState]> = [];
    const registry = createBreakerRegistry({ models: () => [{ id: "a", resilience: quick }], clock, onHealth: (id, h) => health.push([id, h]) });
    const guard = registry.guard("a");
    await failOnce(guard);
    await failOnce(guard);
    expect(health).toEqual([["a", "open"]]);
    expect(registry.routingHealth("a")).toBe("open");
    await new Promise((r) => setTimeout(r, 150));
    expect(health).toEqual([["a", "open"], ["a", "half-open"]]);
    expect(registry.routingHealth("a")).toBe("half-open");
    await guard.execute(() => Promise.resolve("ok"));
    expect(health.map(([, h]) => h)).toEqual(["open", "half-open", "half-open", "closed"]);
    expect(registry.routingHealth("a")).toBe("closed");
    expect(registry.routingHealth("never-called")).toBe("closed");
  });
});

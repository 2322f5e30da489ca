import { describe, expect, it } from "vitest";
import { executeChain, type ExecuteInput } from "../engine";
import { ProviderError } from "../errors";
import { createModelGuard, type ModelGuard } from "../resilience/guard";
import { DEFAULT_RESILIENCE_SETTINGS, type ModelChain, type ResilienceSettings } from "../spec";
import { createTestPorts, makeChain, makeRequirements, makeTask, type TestModel } from "../testing";

const SETTINGS: ResilienceSettings = {
  ...DEFAULT_RESILIENCE_SETTINGS,
  maxRetries: 1,
  baseBackoffMs: 1,
  breaker: { consecutiveFailures: 2, failureRatio: null, window: 10, halfOpenAfterMs: 60_000 },
};

/** Test ports plus one guard per model for the life of the test, as the services layer keeps them. */
function setup(models: Record<string, TestModel>) {
  const t = createTestPorts(Object.fromEntries(Object.entries(models).map(([id, m]) => [id, { ...m, spec: { resilience: SETTINGS, ...m.spec } }])));
  const guards = new Map<string, ModelGuard>();
  const guard = (id: string) => {
    let found = guards.get(id);
    if (!found) guards.set(id, (found = createModelGuard(id, SETTINGS, { clock: t.clock })));
    return found;
  };
  return { ...t, ports: { ...t.ports, guard }, guard };
}

const plan = makeChain("single", [
  { role: "answer", modelId: "a" },
  { role: "fallback", modelId: "b" },
]);
const run = (ports: Parameters<typeof executeChain>[1], id: string, chain: ModelChain = plan) => {
  const input: ExecuteInput = { task: makeTask({ id }), requirements: makeRequirements(), chain };
  return executeChain(input, ports);
};

describe("executeChain with per-model guards", () => {
  it("emits breaker.changed on the step that tripped it, then falls back", async () => {
    const t = setup({ a: { script: { error: new ProviderError("server", "boom", 500) } }, b: { script: { text: "from b" } } });
    const out = await run(t.ports, "t1");
    expect(out.result.text).toBe("from b");
    expect(t.types()).toEqual([
      "message.sent",
      "step.started",
      "step.retried",
      "breaker.changed",
      "step.failed",
      "fallback.taken",
      "message.sent",
      "step.started",
      "step.completed",
      "message.sent",
    ]);
    expect(t.events.find((e) => e.type === "breaker.changed")).toEqual({
      type: "breaker.changed",
      taskId: "t1",
      stepIndex: 0,
      modelId: "a",
      from: "closed",
      to: "open",
      nextProbeAt: (t.guard("a").snapshot().openedAt ?? Number.NaN) + 60_000,
    });
    expect(t.clients.a?.calls).toHaveLength(2);
  });

  it("skips a model whose breaker is open without calling it or starting a step, naming why", async () => {
    const t = setup({ a: { script: { error: new ProviderError("server", "boom", 500) } }, b: { script: { text: "from b" } } });
    await run(t.ports, "t1");
    t.events.length = 0;
    const out = await run(t.ports, "t2");
    expect(out.result.text).toBe("from b");
    expect(t.clients.a?.calls).toHaveLength(2); // none from t2
    expect(t.events.filter((e) => e.type === "step.started").map((e) => e.type === "step.started" && e.modelId)).toEqual(["b"]);
    expect(t.events.find((e) => e.type === "fallback.taken")).toMatchObject({
      fromModelId: "a",
      toModelId: "b",
      reason: expect.stringMatching(/^a: circuit breaker open, next probe in \d+ ms$/),
      errorKind: "circuit-open",
    });
  });

  it("probes after half-open-after on the clock and closes on success, as events of the probing task", async () => {
    let healthy = false;
    const t = setup({
      a: { script: () => (healthy ? { text: "a is back" } : { error: new ProviderError("network", "reset") }) },
      b: { script: { text: "from b" } },
    });
    await run(t.ports, "t1");
    healthy = true;
    await t.clock.advance(60_000);
    t.events.length = 0;
    const out = await run(t.ports, "t3");
    expect(out.result.text).toBe("a is back");
    expect(t.events.filter((e) => e.type === "breaker.changed")).toMatchObject([
      { taskId: "t3", stepIndex: 0, modelId: "a", from: "open", to: "half-open", nextProbeAt: null },
      { taskId: "t3", stepIndex: 0, modelId: "a", from: "half-open", to: "closed", nextProbeAt: null },
    ]);
    expect(t.guard("a").snapshot()).toMatchObject({ state: "closed", failures: 0 });
  });

  it("fails the task when every candidate's breaker is open, naming each refusal", async () => {
    const t = setup({ a: { script: { error: new ProviderError("server", "boom", 500) } }, b: { script: { error: new ProviderError("server", "bust", 502) } } });
    await expect(run(t.ports, "t1")).rejects.toMatchObject({ kind: "server" });
    await expect(run(t.ports, "t2")).rejects.toMatchObject({ kind: "circuit-open", message: expect.stringContaining("a: circuit breaker open") });
    expect(t.clients.b?.calls).toHaveLength(2);
  });

  it("applies the model's own timeouts: a silent stream fails on its first-token deadline and falls back", async () => {
    const t = setup({ a: { script: { hang: true }, spec: { resilience: { ...SETTINGS, maxRetries: 0, firstTokenTimeoutMs: 250 } } }, b: { script: { text: "from b" } } });
    const started = t.clock.now();
    const out = await run(t.ports, "t1");
    expect(out.result.text).toBe("from b");
    expect(t.events.find((e) => e.type === "step.failed")).toMatchObject({ modelId: "a", error: "a sent no first token within 250 ms" });
    expect(t.clock.now() - started).toBe(250);
  });
});

describe("fallback to the plan's next candidate when a strategy's calls fail", () => {
  it("a cascade whose only answer tier is cut mid-stream is answered by its verifier's model", async () => {
    const t = setup({ cheap: { script: { cut: "The answer is" } }, judge: { script: { text: "42" } } });
    const chain = makeChain("cascade", [
      { role: "answer", modelId: "cheap" },
      { role: "verifier", modelId: "judge" },
    ]);
    const out = await run(t.ports, "t1", chain);
    expect(out.result.text).toBe("42");
    expect(t.events.find((e) => e.type === "step.failed")).toMatchObject({ modelId: "cheap", error: expect.stringContaining("without a finish part") });
    expect(t.events.find((e) => e.type === "fallback.taken")).toMatchObject({ fromModelId: "cheap", toModelId: "judge" });
    // the verifier's model is the cascade's top tier, so it answers in the cascade itself (no plan-level fallback)
    expect(t.events.filter((e) => e.type === "step.started").map((e) => e.type === "step.started" && e.role)).toEqual(["answer", "answer"]);
  });

  it("a pinned single-model plan has nobody to fall back to", async () => {
    const t = setup({ only: { script: { error: new ProviderError("server", "down", 500) } } });
    await expect(run(t.ports, "t1", makeChain("single", [{ role: "answer", modelId: "only" }]))).rejects.toMatchObject({ kind: "server" });
    expect(t.events.some((e) => e.type === "fallback.taken")).toBe(false);
  });
});

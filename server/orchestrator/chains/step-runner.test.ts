import { describe, expect, it } from "vitest";
import { executeChain, type EnginePorts, type ExecuteInput, type PriorStep } from "../engine";
import { ProviderError } from "../errors";
import { createModelGuard, type ModelGuard } from "../resilience/guard";
import { DEFAULT_RESILIENCE_SETTINGS, type ModelChain, type ModelResult, type ResilienceSettings, type TaskEvent } from "../spec";
import { createTestPorts, makeChain, makeRequirements, makeTask, type TestModel } from "../testing";

const SETTINGS: ResilienceSettings = {
  ...DEFAULT_RESILIENCE_SETTINGS,
  baseBackoffMs: 1,
  breaker: { consecutiveFailures: 2, failureRatio: null, window: 10, halfOpenAfterMs: 60_000 },
};

/** Test ports with one guard per model, as one process keeps them; a "restart" is a second setup. */
function setup(models: Record<string, TestModel>, settings: ResilienceSettings = SETTINGS) {
  const t = createTestPorts(Object.fromEntries(Object.entries(models).map(([id, m]) => [id, { ...m, spec: { resilience: settings, ...m.spec } }])));
  const guards = new Map<string, ModelGuard>();
  const guard = (id: string) => {
    let found = guards.get(id);
    if (!found) guards.set(id, (found = createModelGuard(id, settings, { clock: t.clock })));
    return found;
  };
  return { ...t, ports: { ...t.ports, guard } as EnginePorts & typeof t.ports, guard };
}

async function trip(guard: ModelGuard) {
  while (guard.snapshot().state !== "open") await guard.execute(() => Promise.reject(new ProviderError("server", "down", 500))).catch(() => undefined);
}

/** What a restart reads back: completed and failed steps from their rows, refusals from their events. */
function priorsFrom(events: readonly TaskEvent[], interrupted: readonly number[] = []): Map<number, { modelId: string; prior: PriorStep }> {
  const priors = new Map<number, { modelId: string; prior: PriorStep }>();
  const started = new Map<number, Extract<TaskEvent, { type: "step.started" }>>();
  for (const e of events) {
    if (e.type === "step.started") started.set(e.stepIndex, e);
    if (e.type === "step.refused") priors.set(e.stepIndex, { modelId: e.modelId, prior: { kind: "refused", error: e.error } });
    if (e.type === "step.failed" && !interrupted.includes(e.stepIndex)) priors.set(e.stepIndex, { modelId: e.modelId, prior: { kind: "failed", error: e.error } });
    if (e.type === "step.completed" && !interrupted.includes(e.stepIndex)) {
      const result: ModelResult = {
        stepIndex: e.stepIndex,
        modelId: e.modelId,
        role: (started.get(e.stepIndex)?.role ?? "answer") as ModelResult["role"],
        text: e.output,
        inputTokens: e.inputTokens,
        outputTokens: e.outputTokens,
        costUsd: e.costUsd,
        latencyMs: e.latencyMs,
      };
      priors.set(e.stepIndex, { modelId: e.modelId, prior: { kind: "completed", result } });
    }
  }
  return priors;
}

const run = (ports: EnginePorts, chain: ModelChain, extra: Partial<ExecuteInput> = {}) =>
  executeChain({ task: makeTask({ id: "t1" }), requirements: makeRequirements(), chain, ...extra }, ports);

describe("runStep: a breaker's refusal is on record under its step index", () => {
  const single = makeChain("single", [
    { role: "answer", modelId: "a" },
    { role: "fallback", modelId: "b" },
  ]);

  it("emits step.refused for the refused model (no step.started, no call), then falls back under the next index", async () => {
    const t = setup({ a: { script: { text: "from a" } }, b: { script: { text: "from b" } } });
    await trip(t.guard("a"));
    const out = await run(t.ports, single);
    expect(out.answer).toMatchObject({ modelId: "b", stepIndex: 1 });
    expect(t.clients.a?.calls).toHaveLength(0);
    expect(t.types()).toEqual(["step.refused", "fallback.taken", "message.sent", "step.started", "step.completed", "message.sent"]);
    expect(t.events[0]).toEqual({
      type: "step.refused",
      taskId: "t1",
      stepIndex: 0,
      modelId: "a",
      error: expect.stringMatching(/^a: circuit breaker open, next probe in \d+ ms$/),
    });
    expect(t.events[1]).toMatchObject({ type: "fallback.taken", fromModelId: "a", toModelId: "b", errorKind: "circuit-open" });
  });

  it("replays the refusal after a restart, when the breaker is closed again: the recorded path is kept", async () => {
    const first = setup({ a: { script: { text: "from a" } }, b: { script: { text: "from b" } } });
    await trip(first.guard("a"));
    await run(first.ports, single);
    // the process died while b's step ran: its attempt is dropped, the refusal stays on record
    const priors = priorsFrom(first.events, [1]);

    const second = setup({ a: { script: { text: "from a" } }, b: { script: { text: "from b again" } } });
    const asked: Array<[number, string]> = [];
    const out = await run(
      {
        ...second.ports,
        priorStep: (stepIndex, modelId) => {
          asked.push([stepIndex, modelId]);
          const recorded = priors.get(stepIndex);
          return recorded?.modelId === modelId ? recorded.prior : undefined;
        },
      },
      single,
    );
    expect(asked).toEqual([
      [0, "a"],
      [1, "b"],
    ]);
    expect(second.clients.a?.calls).toHaveLength(0);
    expect(out.answer).toMatchObject({ modelId: "b", stepIndex: 1, text: "from b again" });
    // nothing new about step 0: its refusal is on record already
    expect(second.events.some((e) => e.type === "step.refused")).toBe(false);
    expect(second.events.find((e) => e.type === "fallback.taken")).toMatchObject({ fromModelId: "a", toModelId: "b", errorKind: "circuit-open" });
  });

  it("keeps a cascade's verifier on its own index after a restart: the refused cheap tier is not called nor billed", async () => {
    const cascade = makeChain("cascade", [
      { role: "answer", modelId: "cheap" },
      { role: "answer", modelId: "mid" },
      { role: "verifier", modelId: "judge" },
    ]);
    const models = { cheap: { script: { text: "41" } }, mid: { script: { text: "42" } }, judge: { script: { text: "YES" } } };
    const first = setup(models);
    await trip(first.guard("cheap"));
    await run(first.ports, cascade);
    expect(first.events.filter((e) => e.type === "step.started").map((e) => e.type === "step.started" && [e.stepIndex, e.modelId])).toEqual([
      [1, "mid"],
      [2, "judge"],
    ]);
    const priors = priorsFrom(first.events, [2]);

    const second = setup(models);
    const out = await run({ ...second.ports, priorStep: (i, id) => (priors.get(i)?.modelId === id ? priors.get(i)?.prior : undefined) }, cascade);
    expect(second.clients.cheap?.calls).toHaveLength(0);
    expect(second.clients.mid?.calls).toHaveLength(0);
    expect(second.events.filter((e) => e.type === "step.started").map((e) => e.type === "step.started" && [e.stepIndex, e.modelId])).toEqual([[2, "judge"]]);
    expect(out.answer).toMatchObject({ modelId: "mid", stepIndex: 1 });
  });
});

describe("runStep: the task's own latency limit", () => {
  it("fails a call cut off by what is left of maxLatencyMs as a deadline: no retry, not counted by the model's breaker", async () => {
    // a healthy model that always answers in 200 ms, on a task with only 50 ms to spend
    const t = setup({ slow: { script: { text: "fine", delayMs: 200 } } }, { ...SETTINGS, breaker: { ...SETTINGS.breaker, consecutiveFailures: 5 } });
    const chain = makeChain("single", [{ role: "answer", modelId: "slow" }]);
    const errors: unknown[] = [];
    for (let i = 0; i < 5; i++) errors.push(await run(t.ports, chain, { budget: { maxLatencyMs: 50 } }).catch((e: unknown) => e));
    expect(t.guard("slow").snapshot()).toMatchObject({ state: "closed", failures: 0 });
    for (const error of errors) expect(error).toMatchObject({ kind: "deadline" });
    expect(t.clients.slow?.calls).toHaveLength(5);
    expect(t.events.some((e) => e.type === "step.retried" || e.type === "breaker.changed")).toBe(false);
    const failed = t.events.find((e) => e.type === "step.failed");
    expect(failed).toMatchObject({ modelId: "slow", error: "slow: stopped after 50ms, when the task's latency budget (maxLatencyMs) ran out; not the model's own limit" });
    // the same model still answers a task with time to spare
    await expect(run(t.ports, chain)).resolves.toMatchObject({ answer: { modelId: "slow", text: "fine" } });
  });

  it("still counts the model's own timeout when it is the tighter limit", async () => {
    const t = setup({ slow: { script: { text: "late", delayMs: 500 } } }, { ...SETTINGS, maxRetries: 0, totalTimeoutMs: 100 });
    const chain = makeChain("single", [{ role: "answer", modelId: "slow" }]);
    const error = await run(t.ports, chain, { budget: { maxLatencyMs: 10_000 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", message: "slow timed out after 100 ms" });
    expect(t.guard("slow").snapshot().failures).toBe(1);
  });
});

describe("runStep: step.completed says why the model stopped", () => {
  it("carries the provider's finish reason, streamed or whole", async () => {
    for (const stream of [true, false]) {
      const t = setup({ cut: { script: { text: "half an ans", finishReason: "length" } }, whole: { script: { text: "all of it" } } });
      await run(t.ports, makeChain("single", [{ role: "answer", modelId: "cut" }]), { stream });
      await run(t.ports, makeChain("single", [{ role: "answer", modelId: "whole" }]), { stream });
      const completed = t.events.filter((e) => e.type === "step.completed");
      expect(completed.map((e) => [e.modelId, e.finishReason])).toEqual([
        ["cut", "length"],
        ["whole", "stop"],
      ]);
    }
  });
});

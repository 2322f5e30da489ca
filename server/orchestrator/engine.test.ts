import { describe, expect, it } from "vitest";
import { executeChain, type ExecuteInput } from "./engine";
import { ProviderError } from "./errors";
import type { ChainStep, ModelChain, TaskEvent } from "./spec";
import { createManualClock, createTestPorts, makeChain, makeRequirements, makeTask, type TestModel } from "./testing";

const FAST = { baseDelayMs: 1 };

function input(chain: ModelChain, extra: Partial<ExecuteInput> = {}): ExecuteInput {
  return { task: makeTask(), requirements: makeRequirements(), chain, resilience: FAST, ...extra };
}

const answer = (modelId: string): ChainStep => ({ role: "answer", modelId });
const fallback = (modelId: string): ChainStep => ({ role: "fallback", modelId });

function stepIndexes(events: TaskEvent[]): number[] {
  return events.flatMap((e) => (e.type === "step.started" ? [e.stepIndex] : []));
}

describe("executeChain: single", () => {
  it("emits the exact step-level event sequence", async () => {
    const t = createTestPorts({ a: { script: { text: "The answer is 42.", chunks: 2 } } });
    const out = await executeChain(input(makeChain("single", [answer("a")])), t.ports);

    expect(t.types({ deltas: true })).toEqual([
      "message.sent",
      "step.started",
      "output.delta",
      "output.delta",
      "step.completed",
      "message.sent",
    ]);
    const [toStep, started, , , completed, toResult] = t.events;
    expect(toStep).toMatchObject({ from: "input", to: "step:0", kind: "prompt", content: "What is 6 * 7?" });
    expect(started).toMatchObject({ stepIndex: 0, modelId: "a", role: "answer", input: [{ role: "user", content: "What is 6 * 7?" }] });
    expect(completed).toMatchObject({ stepIndex: 0, modelId: "a", output: "The answer is 42." });
    expect(toResult).toMatchObject({ from: "step:0", to: "result", content: "The answer is 42." });
    expect(out.result).toMatchObject({ text: "The answer is 42.", contributors: [0], format: "text" });
    expect(out.formatted.text).toBe("The answer is 42.");
    expect(out.steps).toHaveLength(1);
    expect(out.valid).toBe(true);
  });

  it("reports tokens, cost via the model's pricing, latency and first-token time from the clock", async () => {
    const t = createTestPorts({
      a: { script: { text: "42", delayMs: 120, usage: { inputTokens: 1000, outputTokens: 500 } }, spec: { pricing: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 } } },
    });
    const out = await executeChain(input(makeChain("single", [answer("a")])), t.ports);
    const completed = t.events.find((e) => e.type === "step.completed");
    expect(completed).toMatchObject({ inputTokens: 1000, outputTokens: 500, latencyMs: 120, firstTokenMs: 120 });
    expect(out.result.costUsd).toBeCloseTo((1000 * 3 + 500 * 15) / 1e6, 12);
  });

  it("passes the primary capability as capabilityHint", async () => {
    const t = createTestPorts({ a: { script: { text: "ok" } } });
    await executeChain(input(makeChain("single", [answer("a")]), { requirements: makeRequirements({ primary: "code" }) }), t.ports);
    expect(t.clients.a?.calls[0]?.capabilityHint).toBe("code");
  });

  it("uses generate and emits no deltas when stream is false", async () => {
    const t = createTestPorts({ a: { script: { text: "ok" } } });
    await executeChain(input(makeChain("single", [answer("a")]), { stream: false }), t.ports);
    expect(t.types({ deltas: true })).toEqual(["message.sent", "step.started", "step.completed", "message.sent"]);
  });

  it("falls back to its fallback steps in order, with unique increasing step indexes", async () => {
    const t = createTestPorts({
      a: { script: { error: new ProviderError("auth", "bad key", 401) } },
      b: { script: { error: new ProviderError("bad-request", "too long", 400) } },
      c: { script: { text: "from c" } },
      d: { script: { text: "never" } },
    });
    const chain = makeChain("single", [answer("a"), fallback("b"), { role: "verifier", modelId: "d" }, fallback("c")]);
    const out = await executeChain(input(chain), t.ports);
    expect(out.result.text).toBe("from c");
    expect(out.result.contributors).toEqual([2]);
    expect(stepIndexes(t.events)).toEqual([0, 1, 2]);
    const fallbacks = t.events.filter((e) => e.type === "fallback.taken");
    expect(fallbacks).toMatchObject([
      { fromModelId: "a", toModelId: "b", reason: "bad key" },
      { fromModelId: "b", toModelId: "c", reason: "too long" },
    ]);
    expect(t.clients.d?.calls).toHaveLength(0);
    expect(t.types()).toEqual([
      "message.sent", "step.started", "step.failed",
      "fallback.taken", "message.sent", "step.started", "step.failed",
      "fallback.taken", "message.sent", "step.started", "step.completed",
      "message.sent",
    ]);
  });

  it("treats a stream cut without a finish part as a failure and falls back", async () => {
    const t = createTestPorts({ a: { script: { cut: "The answer" } }, b: { script: { text: "42" } } });
    const out = await executeChain(input(makeChain("single", [answer("a"), fallback("b")])), t.ports);
    expect(out.result.text).toBe("42");
    const failed = t.events.find((e) => e.type === "step.failed");
    expect(failed).toMatchObject({ stepIndex: 0, modelId: "a" });
    expect(failed?.type === "step.failed" && failed.error).toMatch(/without a finish part/);
    expect(t.events.filter((e) => e.type === "step.retried")).toHaveLength(0);
    expect(t.events.some((e) => e.type === "fallback.taken")).toBe(true);
  });

  it("fails with the provider error after step.failed when nothing is left", async () => {
    const t = createTestPorts({ a: { script: { error: new ProviderError("auth", "bad key", 401) } } });
    await expect(executeChain(input(makeChain("single", [answer("a")])), t.ports)).rejects.toMatchObject({ kind: "auth" });
    expect(t.types()).toEqual(["message.sent", "step.started", "step.failed"]);
  });

  it("falls back when a model id is unknown", async () => {
    const t = createTestPorts({ b: { script: { text: "ok" } } });
    const out = await executeChain(input(makeChain("single", [answer("ghost"), fallback("b")])), t.ports);
    expect(out.result.text).toBe("ok");
    expect(t.events.find((e) => e.type === "step.failed")).toMatchObject({ modelId: "ghost" });
  });
});

describe("executeChain: fallback", () => {
  it("tries every step in plan order and names all failures when none answers", async () => {
    const t = createTestPorts({
      a: { script: { error: new ProviderError("auth", "a down", 401) } },
      b: { script: { error: new ProviderError("bad-request", "b refused", 400) } },
    });
    const err = await executeChain(input(makeChain("fallback", [answer("a"), answer("b")])), t.ports).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).message).toMatch(/all 2 models failed.*a down.*b refused/);
    expect(t.types().filter((x) => x === "step.failed")).toHaveLength(2);
  });

  it("returns the first alternate that answers", async () => {
    const t = createTestPorts({ a: { script: { error: new ProviderError("auth", "x", 401) } }, b: { script: { text: "B" } }, c: { script: { text: "C" } } });
    const out = await executeChain(input(makeChain("fallback", [answer("a"), answer("b"), answer("c")])), t.ports);
    expect(out.result.text).toBe("B");
    expect(t.clients.c?.calls).toHaveLength(0);
  });
});

describe("executeChain: resilience", () => {
  it("retries 429 (honouring Retry-After on the clock) and 500, then succeeds", async () => {
    const t = createTestPorts({
      a: {
        script: [
          { error: new ProviderError("rate-limit", "slow down", 429, 2000) },
          { error: new ProviderError("server", "oops", 500) },
          { text: "42" },
        ],
      },
    });
    const start = t.clock.now();
    const out = await executeChain(input(makeChain("single", [answer("a")])), t.ports);
    expect(out.result.text).toBe("42");
    expect(t.events.filter((e) => e.type === "step.retried")).toMatchObject([
      { stepIndex: 0, attempt: 1, error: "slow down" },
      { stepIndex: 0, attempt: 2, error: "oops" },
    ]);
    expect(t.types()).toEqual(["message.sent", "step.started", "step.retried", "step.retried", "step.completed", "message.sent"]);
    // 2000 ms Retry-After + 2 ms exponential backoff (base 1 ms, second retry)
    expect(t.clock.now() - start).toBe(2002);
  });

  it("gives up after two retries and falls back", async () => {
    const t = createTestPorts({ a: { script: { error: new ProviderError("server", "down", 503) } }, b: { script: { text: "ok" } } });
    const out = await executeChain(input(makeChain("single", [answer("a"), fallback("b")])), t.ports);
    expect(out.result.text).toBe("ok");
    expect(t.clients.a?.calls).toHaveLength(3);
    expect(t.events.filter((e) => e.type === "step.retried")).toHaveLength(2);
  });

  it("does not retry a non-retryable 400", async () => {
    const t = createTestPorts({ a: { script: [{ error: new ProviderError("bad-request", "nope", 400) }, { text: "never" }] } });
    await expect(executeChain(input(makeChain("single", [answer("a")])), t.ports)).rejects.toMatchObject({ kind: "bad-request" });
    expect(t.clients.a?.calls).toHaveLength(1);
    expect(t.events.some((e) => e.type === "step.retried")).toBe(false);
  });

  it("times out a hanging call on the clock, retries it, then falls back", async () => {
    const t = createTestPorts({ a: { script: { hang: true } }, b: { script: { text: "ok", delayMs: 10 } } });
    const out = await executeChain(input(makeChain("single", [answer("a"), fallback("b")]), { resilience: { ...FAST, timeoutMs: 1000 } }), t.ports);
    expect(out.result.text).toBe("ok");
    expect(t.clients.a?.calls).toHaveLength(3);
    expect(t.events.find((e) => e.type === "step.failed")).toMatchObject({ modelId: "a", error: "a timed out after 1000 ms" });
  });

  it("cancels at once: only step.failed for the running step, no fallback", async () => {
    // a clock that only moves when told, so the slow call cannot finish before the cancel
    const t = createTestPorts({ a: { script: { text: "late", delayMs: 5000 } }, b: { script: { text: "b" } } }, { clock: createManualClock({ auto: false }) });
    const controller = new AbortController();
    const running = executeChain(input(makeChain("single", [answer("a"), fallback("b")]), { signal: controller.signal }), t.ports);
    await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(running).rejects.toMatchObject({ kind: "aborted" });
    expect(t.types()).toEqual(["message.sent", "step.started", "step.failed"]);
    expect(t.events.at(-1)).toMatchObject({ type: "step.failed", stepIndex: 0, error: "cancelled" });
    expect(t.clients.b?.calls).toHaveLength(0);
    // nothing more arrives later either
    await new Promise((r) => setTimeout(r, 5));
    expect(t.events).toHaveLength(3);
  });

  it("does nothing when cancelled before it starts", async () => {
    const t = createTestPorts({ a: { script: { text: "x" } } });
    const controller = new AbortController();
    controller.abort();
    await expect(executeChain(input(makeChain("single", [answer("a")]), { signal: controller.signal }), t.ports)).rejects.toMatchObject({ kind: "aborted" });
    expect(t.events).toHaveLength(0);
  });
});

describe("executeChain: budget", () => {
  const models: Record<string, TestModel> = {
    a: { script: { error: new ProviderError("auth", "a down", 401) } },
    b: { script: { text: "b" }, spec: { pricing: { inputUsdPerMTok: 1000, outputUsdPerMTok: 1000 } } },
  };

  it("does not start a fallback that would exceed maxCostUsd and names the cap", async () => {
    const t = createTestPorts(models);
    const err = await executeChain(input(makeChain("fallback", [answer("a"), answer("b")]), { budget: { maxCostUsd: 0.01 } }), t.ports).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "UNSATISFIABLE", details: { constraint: "maxCostUsd" } });
    expect((err as Error).message).toMatch(/maxCostUsd=\$0\.01.*a down/);
    expect(t.clients.b?.calls).toHaveLength(0);
    expect(t.events.some((e) => e.type === "fallback.taken")).toBe(false);
  });

  it("stops at maxSteps", async () => {
    const t = createTestPorts({ ...models, c: { script: { text: "c" } } });
    const err = await executeChain(input(makeChain("fallback", [answer("a"), answer("c")]), { budget: { maxSteps: 1 } }), t.ports).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/maxSteps=1/);
    expect(t.clients.c?.calls).toHaveLength(0);
  });

  it("does not let retries outlast maxLatencyMs", async () => {
    const t = createTestPorts({ a: { script: { hang: true } } });
    const err = await executeChain(
      input(makeChain("single", [answer("a")]), { budget: { maxLatencyMs: 1000 }, resilience: { ...FAST, timeoutMs: 600 } }),
      t.ports,
    ).catch((e: unknown) => e);
    // the first attempt hit the model's own 600 ms (retried); the retry was cut off by the task's budget
    expect(err).toMatchObject({ kind: "deadline", message: expect.stringContaining("the task's latency budget (maxLatencyMs) ran out") });
    expect(t.clock.now()).toBeLessThanOrEqual(1000);
    expect(t.events.filter((e) => e.type === "step.retried")).toMatchObject([{ error: "a timed out after 600 ms" }]);
  });

  it("bounds a call by what is left of maxLatencyMs", async () => {
    const t = createTestPorts({ a: { script: { text: "slow", delayMs: 5000 } }, c: { script: { text: "c" } } });
    const err = await executeChain(input(makeChain("fallback", [answer("a"), answer("c")]), { budget: { maxLatencyMs: 1000 } }), t.ports).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/maxLatencyMs=1000/);
    expect(t.events.find((e) => e.type === "step.failed")).toMatchObject({
      error: "a: stopped after 1000ms, when the task's latency budget (maxLatencyMs) ran out; not the model's own limit",
    });
    expect(t.clients.a?.calls).toHaveLength(1);
    expect(t.clients.c?.calls).toHaveLength(0);
  });
});

describe("executeChain: every strategy", () => {
  const models: Record<string, TestModel> = {
    a: { script: [{ error: new ProviderError("server", "blip", 500) }, { text: "Answer: 1" }] },
    b: { script: { error: new ProviderError("auth", "down", 401) } },
    c: { script: { text: "Answer: 2" } },
    v: { script: { text: "NO" } },
  };
  const plans: ModelChain[] = [
    makeChain("single", [answer("b"), fallback("a")]),
    makeChain("fallback", [answer("b"), answer("a"), answer("c")]),
    makeChain("cascade", [answer("a"), answer("b"), answer("c"), { role: "verifier", modelId: "v" }]),
    makeChain("pipeline", [{ role: "draft", modelId: "b" }, { role: "draft", modelId: "a" }, { role: "critique", modelId: "c" }, { role: "revise", modelId: "c" }]),
    makeChain("mixture", [{ role: "proposer", modelId: "a" }, { role: "proposer", modelId: "b" }, { role: "proposer", modelId: "c" }, { role: "aggregator", modelId: "c" }]),
    makeChain("vote", [{ role: "voter", modelId: "a" }, { role: "voter", modelId: "b" }, { role: "voter", modelId: "c" }, { role: "voter", modelId: "c" }]),
  ];

  it.each(plans.map((p) => [p.strategy, p] as const))("%s: step indexes are unique, start in order, and every event is well-formed", async (_name, chain) => {
    const t = createTestPorts(models);
    const out = await executeChain(input(chain), t.ports);
    const started = stepIndexes(t.events);
    expect(started).toEqual(started.map((_, i) => i));
    const ended = t.events.flatMap((e) => (e.type === "step.completed" || e.type === "step.failed" ? [e.stepIndex] : []));
    expect([...ended].sort((x, y) => x - y)).toEqual(started);
    expect(out.result.contributors.every((i) => out.steps.some((s) => s.stepIndex === i))).toBe(true);
    expect(t.events.every((e) => e.taskId === "task-1")).toBe(true);
    expect(t.events.at(-1)).toMatchObject({ type: "message.sent", to: "result" });
  });
});

describe("executeChain: the answer step", () => {
  // the caller credits the task to answer.modelId, so it must be the step that wrote the text, whatever the
  // contributors' order (result.contributors also lists steps that only fed the answer)
  const answerOf = async (chain: ModelChain, models: Record<string, TestModel>, format: "text" | "short-answer" = "text") => {
    const t = createTestPorts(models);
    const out = await executeChain(input(chain, { requirements: makeRequirements({ format }) }), t.ports);
    expect(out.result.text).toBe(out.answer.text);
    expect(out.steps).toContain(out.answer);
    return out;
  };

  it("single and fallback: the alternate that answered", async () => {
    const down = { script: { error: new ProviderError("auth", "down", 401) } };
    const single = await answerOf(makeChain("single", [answer("a"), fallback("b")]), { a: down, b: { script: { text: "from b" } } });
    expect(single.answer).toMatchObject({ stepIndex: 1, modelId: "b" });
    const chain = await answerOf(makeChain("fallback", [answer("a"), answer("b"), answer("c")]), { a: down, b: down, c: { script: { text: "from c" } } });
    expect(chain.answer).toMatchObject({ stepIndex: 2, modelId: "c" });
  });

  it("cascade: the accepted answer, which is the verifier's own when it answers last", async () => {
    const verifier = { role: "verifier" as const, modelId: "v" };
    const accepted = await answerOf(makeChain("cascade", [answer("a"), verifier]), { a: { script: { text: "from a" } }, v: { script: { text: "YES" } } });
    expect(accepted.answer).toMatchObject({ modelId: "a", role: "answer" });
    const rejected = await answerOf(makeChain("cascade", [answer("a"), verifier]), { a: { script: { text: "from a" } }, v: { script: { text: "NO" } } });
    expect(rejected.answer).toMatchObject({ modelId: "v", text: "NO" });

    // by agreement the contributors are the earlier answer and the later one that matched it: the later one answers
    const agreed = await answerOf(
      makeChain("cascade", [answer("a"), answer("b"), answer("c")]),
      { a: { script: { text: "Answer: 1" } }, b: { script: { text: "Answer: 2" } }, c: { script: { text: "Answer: 2" } } },
      "short-answer",
    );
    expect(agreed.result.contributors).toEqual([1, 2]);
    expect(agreed.answer).toMatchObject({ stepIndex: 2, modelId: "c" });
  });

  it("pipeline: the reviser, not the drafter", async () => {
    const out = await answerOf(
      makeChain("pipeline", [{ role: "draft", modelId: "a" }, { role: "critique", modelId: "b" }, { role: "revise", modelId: "c" }]),
      { a: { script: { text: "draft" } }, b: { script: { text: "critique" } }, c: { script: { text: "revised" } } },
    );
    expect(out.result.contributors).toEqual([0, 1, 2]);
    expect(out.answer).toMatchObject({ stepIndex: 2, modelId: "c", role: "revise" });
  });

  it("mixture: the aggregator, not the first proposer", async () => {
    const out = await answerOf(
      makeChain("mixture", [{ role: "proposer", modelId: "a" }, { role: "proposer", modelId: "b" }, { role: "aggregator", modelId: "c" }]),
      { a: { script: { text: "proposal a" } }, b: { script: { text: "proposal b" } }, c: { script: { text: "aggregate" } } },
    );
    expect(out.result.contributors).toEqual([0, 1, 2]);
    expect(out.answer).toMatchObject({ stepIndex: 2, modelId: "c", role: "aggregator" });
  });

  it("vote: the winning group's voter whose reply is the answer", async () => {
    const out = await answerOf(
      makeChain("vote", [{ role: "voter", modelId: "a" }, { role: "voter", modelId: "b" }, { role: "voter", modelId: "c" }]),
      { a: { script: { text: "Answer: 7" } }, b: { script: { text: "Answer: 8" } }, c: { script: { text: "Answer: 8" } } },
      "short-answer",
    );
    expect(out.result.contributors).toEqual([1, 2]);
    expect(out.answer).toMatchObject({ stepIndex: 1, modelId: "b" });
  });
});

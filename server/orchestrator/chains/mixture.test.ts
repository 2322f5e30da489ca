import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors";
import { createManualClock, runChain, step } from "../testing";
import { MOA_AGGREGATE_PROMPT } from "./mixture";

const plan = [step("proposer", "p1"), step("proposer", "p2"), step("proposer", "p3"), step("aggregator", "agg")];

describe("mixture", () => {
  it("tolerates a failing proposer and aggregates the others", async () => {
    const { outcome, t } = await runChain("mixture", plan, {
      p1: { script: { text: "one", delayMs: 30 } },
      p2: { script: { error: new ProviderError("auth", "p2 down", 401) } },
      p3: { script: { text: "three", delayMs: 10 } },
      agg: { script: { text: "one and three" } },
    });
    expect(outcome?.result.text).toBe("one and three");
    expect(outcome?.result.contributors).toEqual([0, 2, 3]);
    const system = t.clients.agg?.calls[0]?.messages[0]?.content ?? "";
    expect(system.startsWith(MOA_AGGREGATE_PROMPT)).toBe(true);
    expect(system).toContain("1. one\n\n2. three");
    expect(t.clients.agg?.calls[0]?.messages.at(-1)).toEqual({ role: "user", content: "What is 6 * 7?" });
    const started = t.events.flatMap((e) => (e.type === "step.started" ? [e.stepIndex] : []));
    expect(started).toEqual([0, 1, 2, 3]);
    expect(t.events.filter((e) => e.type === "step.failed")).toMatchObject([{ stepIndex: 1, modelId: "p2" }]);
  });

  it("lets the aggregator's model answer alone when every proposer fails (the plan's last resort)", async () => {
    const down = { script: { error: new ProviderError("auth", "down", 401) } };
    const { outcome, t } = await runChain("mixture", plan, { p1: down, p2: down, p3: down, agg: { script: { text: "x" } } });
    expect(outcome?.result.text).toBe("x");
    expect(t.clients.agg?.calls).toHaveLength(1);
    expect(t.events.find((e) => e.type === "fallback.taken")).toMatchObject({ fromModelId: "p3", toModelId: "agg" });
  });

  it("fails when every model of the plan fails", async () => {
    const down = { script: { error: new ProviderError("auth", "down", 401) } };
    const { error, t } = await runChain("mixture", plan, { p1: down, p2: down, p3: down, agg: down });
    expect(error).toBeInstanceOf(ProviderError);
    expect(t.clients.agg?.calls).toHaveLength(1);
  });

  it("falls back to the first proposal when the aggregator fails", async () => {
    const { outcome, t } = await runChain("mixture", plan, {
      p1: { script: { text: "one" } },
      p2: { script: { text: "two" } },
      p3: { script: { text: "three" } },
      agg: { script: { error: new ProviderError("auth", "agg down", 401) } },
    });
    expect(outcome?.result.text).toBe("one");
    expect(t.events.find((e) => e.type === "fallback.taken")).toMatchObject({ fromModelId: "agg", toModelId: "p1" });
  });

  it("cancels every running proposer", async () => {
    const controller = new AbortController();
    const slow = { script: { text: "x", delayMs: 10_000 } };
    // a clock that only moves when told, so no proposer can finish before the cancel
    const clock = createManualClock({ auto: false });
    const run = runChain("mixture", plan, { p1: slow, p2: slow, p3: slow, agg: slow }, { clock, extra: { signal: controller.signal, resilience: { baseDelayMs: 1 } } });
    await new Promise((r) => setImmediate(r));
    controller.abort();
    const { error, t } = await run;
    expect(error).toMatchObject({ kind: "aborted" });
    expect(t.events.filter((e) => e.type === "step.failed")).toHaveLength(3);
    expect(t.events.filter((e) => e.type === "step.started")).toHaveLength(3);
    expect(t.events.filter((e) => e.type !== "message.sent" && e.type !== "step.started" && e.type !== "step.failed")).toEqual([]);
  });

  it("admits only the proposers the cost budget covers", async () => {
    const pricey = { pricing: { inputUsdPerMTok: 100, outputUsdPerMTok: 100 } };
    const { outcome, t } = await runChain("mixture", plan, {
      p1: { script: { text: "one" }, spec: pricey },
      p2: { script: { text: "two" }, spec: pricey },
      p3: { script: { text: "three" }, spec: pricey },
      agg: { script: { text: "agg" } },
    }, { extra: { budget: { maxCostUsd: 0.2 } } });
    // each proposer is estimated at ~0.08 USD (10 input + 768 output tokens at 100 USD/M): two fit, the third does not
    expect(t.clients.p3?.calls).toHaveLength(0);
    expect(outcome?.result.text).toBe("agg");
  });
});

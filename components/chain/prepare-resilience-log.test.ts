import { describe, expect, it } from "vitest";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { reduceChainRun } from "./chain-run";
import { prepareChainGraph } from "./prepare-chain-graph";
import { prepareResilienceLog } from "./prepare-resilience-log";
import { ev, plan, task, TASK_ID } from "./test-fixtures";
import type { ChainTaskSource, LiveChainEvent } from "./types";

const T = Date.UTC(2026, 10, 27, 9, 0, 0);
const events: LiveChainEvent[] = [
  { id: 1, at: T, event: { type: "step.started", taskId: "t", stepIndex: 0, modelId: "a", role: "answer", input: [] } },
  { id: 2, at: T + 10, event: { type: "step.retried", taskId: "t", stepIndex: 0, modelId: "a", attempt: 1, error: "HTTP 500: boom" } },
  { id: 3, at: T + 20, event: { type: "breaker.changed", taskId: "t", stepIndex: 0, modelId: "a", from: "closed", to: "open", nextProbeAt: T + 30_020 } },
  { id: 4, at: T + 20, event: { type: "step.failed", taskId: "t", stepIndex: 0, modelId: "a", error: "HTTP 500: boom" } },
  { id: 5, at: T + 21, event: { type: "fallback.taken", taskId: "t", fromModelId: "a", toModelId: "b", reason: "HTTP 500: boom" } },
  { id: 6, at: T + 22, event: { type: "step.started", taskId: "t", stepIndex: 1, modelId: "b", role: "fallback", input: [] } },
  { id: 7, at: T + 40, event: { type: "breaker.changed", taskId: "t", stepIndex: 1, modelId: "b", from: "half-open", to: "closed", nextProbeAt: null } },
];

describe("prepareResilienceLog", () => {
  it("lists retries, fallbacks and breaker transitions in order, with why and when the breaker probes", () => {
    expect(prepareResilienceLog(events).map(({ kind, title, detail, tone, stepIndex }) => ({ kind, title, detail, tone, stepIndex }))).toEqual([
      { kind: "retry", title: "a retried (attempt 2)", detail: "HTTP 500: boom", tone: "amber", stepIndex: 0 },
      { kind: "breaker", title: "a breaker closed → open", detail: "too many failed calls; next probe at 09:00:30 UTC", tone: "red", stepIndex: 0 },
      { kind: "fallback", title: "Fallback a → b", detail: "HTTP 500: boom", tone: "blue", stepIndex: null },
      { kind: "breaker", title: "b breaker half-open → closed", detail: "the probe call succeeded", tone: "green", stepIndex: 1 },
    ]);
  });

  it("is empty for a task that ran cleanly", () => {
    expect(prepareResilienceLog(events.filter((e) => e.event.type === "step.started"))).toEqual([]);
  });
});

describe("reduceChainRun: breaker transitions", () => {
  it("attaches each transition to the step whose call caused it", () => {
    const task: ChainTaskSource = { status: "running", prompt: "p", plan: null, events: [], output: null, error: null };
    const run = reduceChainRun(task, events);
    expect(run.steps[0]?.breakers).toMatchObject([{ modelId: "a", from: "closed", to: "open", nextProbeAt: T + 30_020 }]);
    expect(run.steps[1]?.breakers).toMatchObject([{ modelId: "b", to: "closed" }]);
    expect(run.breakers).toHaveLength(2);
  });
});

describe("prepareChainGraph: a model skipped by its open breaker", () => {
  it("shows the planned node as skipped with the refusal, not as 'not needed', even while the task runs", () => {
    const chain = plan("single", [
      { role: "answer", modelId: "a" },
      { role: "fallback", modelId: "b" },
    ]);
    const refusal: TaskEvent = {
      type: "fallback.taken",
      taskId: TASK_ID,
      fromModelId: "a",
      toModelId: "b",
      reason: "a: circuit breaker open, next probe in 900 ms",
      errorKind: "circuit-open",
    };
    const graph = prepareChainGraph(task([ev.queued(), ev.planned(chain), refusal, ev.started(0, "b", "fallback")]), []);
    const skipped = Object.values(graph.steps).find((s) => s.modelId === "a");
    expect(skipped).toMatchObject({ status: "skipped", stepIndex: null, error: "a: circuit breaker open, next probe in 900 ms" });
    expect(Object.values(graph.steps).find((s) => s.modelId === "b")?.fallbackFrom).toMatchObject({ fromModelId: "a", errorKind: "circuit-open" });
  });
});

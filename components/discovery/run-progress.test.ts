import { describe, expect, it } from "vitest";
import { applyDiscoveryUpdate, describeStopReason, initialLiveState, progressFraction } from "./run-progress";
import type { DiscoveryProgressEvent, DiscoveryResult, DiscoveryRun, DiscoveryUpdate } from "./types";

function run(patch: Partial<DiscoveryRun> = {}): DiscoveryRun {
  return {
    id: "dsc_1",
    modelId: "sim-a",
    suiteId: null,
    status: "running",
    capabilities: ["code", "math"],
    progress: null,
    result: null,
    error: null,
    probesUsed: 0,
    costUsd: 0,
    startedBy: null,
    startedAt: 1,
    endedAt: null,
    probes: [],
    ...patch,
  };
}

function progress(patch: Partial<DiscoveryProgressEvent> = {}): DiscoveryUpdate {
  return {
    type: "progress",
    runId: "dsc_1",
    progress: {
      modelId: "sim-a",
      kind: "result",
      capability: "math",
      probesDone: 1,
      estimate: { mean: 0.6, low: 0.3, high: 0.85 },
      done: false,
      stopReason: null,
      itemsDone: 1,
      itemsTotal: 80,
      ...patch,
    },
  };
}

const probe = (capability: string, outcome: "pass" | "fail" | "broken" | "error", itemId: string, detail: string | null = null) => ({
  id: 1,
  runId: "dsc_1",
  itemId,
  capability,
  outcome,
  score: null,
  detail,
  judgeVerdict: null,
  latencyMs: null,
  costUsd: 0,
  at: 1,
});

describe("initialLiveState", () => {
  it("lists the run's capabilities in the canonical order, waiting", () => {
    const state = initialLiveState(run());
    expect(state.capabilities.map((c) => c.capability)).toEqual(["math", "code"]);
    expect(state.capabilities[0]).toEqual({ capability: "math", probesDone: 0, estimate: null, done: false, stopReason: null });
    expect(progressFraction(state)).toBe(0);
  });

  it("picks up a run in progress from its probes and its last progress event", () => {
    const last = progress({ capability: "code", probesDone: 2, itemsDone: 3, itemsTotal: 60 });
    const state = initialLiveState(
      run({
        probes: [probe("math", "pass", "m1"), probe("code", "fail", "c1"), probe("code", "pass", "c2"), probe("math", "broken", "m2", "no answer key"), probe("code", "error", "c3", "HTTP 500")],
        progress: last.type === "progress" ? last.progress : null,
      }),
    );
    expect(state.capabilities.find((c) => c.capability === "math")).toMatchObject({ probesDone: 1, estimate: null });
    expect(state.capabilities.find((c) => c.capability === "code")).toMatchObject({ probesDone: 2, estimate: { mean: 0.6 } });
    expect(state.issues).toEqual([
      { kind: "broken", capability: "math", itemId: "m2", detail: "no answer key" },
      { kind: "error", capability: "code", itemId: "c3", detail: "HTTP 500" },
    ]);
    expect(state).toMatchObject({ itemsDone: 3, itemsTotal: 60 });
  });

  it("shows a finished run's estimates from its result", () => {
    const estimate = { mean: 0.8, low: 0.7, high: 0.88, alpha: 9, beta: 2, probes: 12, passes: 10, failures: 2, broken: [], latencyMsAvg: 100, costUsdTotal: 0.01 };
    const state = initialLiveState(
      run({
        status: "complete",
        result: {
          modelId: "sim-a",
          status: "complete",
          capabilities: { math: { ...estimate, stopReason: "target" }, code: { ...estimate, probes: 5, stopReason: "exhausted" } } as unknown as DiscoveryResult["capabilities"],
          probesUsed: 17,
          callsMade: 18,
          errors: [],
        },
      }),
    );
    expect(state.capabilities[0]).toEqual({ capability: "math", probesDone: 12, estimate: { mean: 0.8, low: 0.7, high: 0.88 }, done: true, stopReason: "target" });
    expect(progressFraction(state)).toBe(1);
  });
});

describe("applyDiscoveryUpdate", () => {
  it("updates a capability's estimate and the run's totals", () => {
    let state = initialLiveState(run());
    state = applyDiscoveryUpdate(state, progress());
    state = applyDiscoveryUpdate(state, progress({ probesDone: 2, estimate: { mean: 0.7, low: 0.45, high: 0.9 }, itemsDone: 2, itemsTotal: 70 }));
    expect(state.capabilities[0]).toMatchObject({ probesDone: 2, estimate: { mean: 0.7, low: 0.45, high: 0.9 } });
    expect(progressFraction(state)).toBeCloseTo(2 / 70);
  });

  it("adds a capability it did not know and keeps the canonical order", () => {
    const state = applyDiscoveryUpdate(initialLiveState(run({ capabilities: ["chat"] })), progress({ capability: "math" }));
    expect(state.capabilities.map((c) => c.capability)).toEqual(["math", "chat"]);
  });

  it("lists broken items and errors once, with their ids", () => {
    let state = initialLiveState(run());
    const broken = progress({ kind: "broken", itemId: "m9", detail: "grader threw" });
    state = applyDiscoveryUpdate(state, broken);
    state = applyDiscoveryUpdate(state, broken);
    state = applyDiscoveryUpdate(state, progress({ kind: "error", capability: "code", itemId: "c4", detail: "429" }));
    expect(state.issues).toEqual([
      { kind: "broken", capability: "math", itemId: "m9", detail: "grader threw" },
      { kind: "error", capability: "code", itemId: "c4", detail: "429" },
    ]);
  });

  it("ends with the run's status and ignores what comes after, or from another run", () => {
    let state = applyDiscoveryUpdate(initialLiveState(run()), progress({ itemsDone: 5, itemsTotal: 9 }));
    expect(applyDiscoveryUpdate(state, { ...progress(), runId: "other" })).toBe(state);
    state = applyDiscoveryUpdate(state, { type: "finished", runId: "dsc_1", status: "failed", error: "provider down" });
    expect(state).toMatchObject({ status: "failed", error: "provider down", itemsTotal: 9 });
    expect(applyDiscoveryUpdate(state, progress({ itemsDone: 6 }))).toBe(state);
    const done = applyDiscoveryUpdate(applyDiscoveryUpdate(initialLiveState(run()), progress({ itemsDone: 5, itemsTotal: 9 })), {
      type: "finished",
      runId: "dsc_1",
      status: "complete",
      error: null,
    });
    expect(progressFraction(done)).toBe(1);
  });
});

describe("describeStopReason", () => {
  it("says why a capability stopped", () => {
    expect(describeStopReason("target")).toBe("interval narrow enough");
    expect(describeStopReason(null)).toBe("");
    expect(describeStopReason("new-reason")).toBe("new-reason");
  });
});

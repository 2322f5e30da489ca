import { describe, expect, it } from "vitest";
import { modelStats } from "./model-stats";
import type { ModelMetrics } from "./types";

const totals: ModelMetrics["totals"] = {
  requests: 8,
  failed: 0,
  errorRate: 0,
  latency: { p50: 1720, p95: 4870, p99: 4870 },
  ttftMs: 916,
  ttft: { p50: 800, p95: 1330, p99: 1400 },
  inputTokens: 573,
  outputTokens: 451,
  costUsd: 0.0193,
};

describe("modelStats", () => {
  it("keeps each figure with its unit as one part, so a narrow column wraps only between figures", () => {
    const byLabel = Object.fromEntries(modelStats(totals).map((s) => [s.label, s.parts]));
    expect(byLabel["p50 / p95 / p99"]).toEqual(["1.72 s", "4.87 s", "4.87 s"]);
    expect(byLabel["Time to first token (mean / p95)"]).toEqual(["916 ms", "1.33 s"]);
    expect(byLabel["Tokens in / out"]).toEqual(["573", "451"]);
    expect(byLabel.Cost).toEqual(["$0.0193"]);
  });

  it("shows a dash for the error rate of a model with no calls", () => {
    const none = modelStats({ ...totals, requests: 0, errorRate: null });
    expect(none.find((s) => s.label === "Error rate")?.parts).toEqual(["–"]);
    expect(none[0]).toEqual({ label: "Calls", parts: ["0"] });
  });
});

import { describe, expect, it } from "vitest";
import { learningRows, standingRow } from "./prepare-lab-standing";

describe("standingRow", () => {
  it("states balanced against the best single model and the zero router, in points", () => {
    const row = standingRow("held-out", {
      policy: "balanced",
      accuracy: 0.82,
      costShare: 0.321,
      bestSingle: { name: "gpt-4o", accuracy: 0.823, totalCostUsd: 2 },
      totalCostUsd: 0.64,
      zeroRouterAccuracy: 0.791,
      accuracyMet: false,
      costMet: false,
      aboveZeroRouter: true,
      met: false,
    });
    expect(row).toMatchObject({ accuracy: "82.0%", bestSingle: "gpt-4o 82.3%", vsBest: "−0.3 pts", costShare: "32.1%", zeroRouter: "79.1%", vsZero: "+2.9 pts", met: false });
  });

  it("says n/a when the zero router does not reach down to the policy's cost", () => {
    const row = standingRow("x", { policy: "b", accuracy: 0.5, costShare: 0.01, bestSingle: { name: "m", accuracy: 0.6, totalCostUsd: 1 }, totalCostUsd: 0.01, zeroRouterAccuracy: null, accuracyMet: false, costMet: true, aboveZeroRouter: true, met: false });
    expect(row.zeroRouter).toBe("n/a");
    expect(row.vsZero).toBe("n/a");
  });
});

describe("learningRows", () => {
  it("keeps Ensemble's online policies and finds when traffic settled on the final favourite", () => {
    const deciles = [{ a: 0.5, b: 0.5 }, { a: 0.7, b: 0.3 }, { b: 0.6, a: 0.4 }, { b: 0.8, a: 0.2 }, { b: 0.9, a: 0.1 }];
    const rows = learningRows([
      { name: "balanced-router", kind: "ensemble", learning: { firstThirdAccuracy: 0.6, lastThirdAccuracy: 0.7, trafficByDecile: deciles } },
      { name: "gpt", kind: "single", learning: { firstThirdAccuracy: 0.8, lastThirdAccuracy: 0.8, trafficByDecile: [] } },
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "balanced-router", first: "60.0%", last: "70.0%", change: "+10.0 pts", settledOn: "b (90.0%)", settledBy: "tenth 3 of 5" });
  });
});

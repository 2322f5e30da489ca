import { describe, expect, it } from "vitest";
import { prepareLabScatter } from "./prepare-lab-scatter";

describe("prepareLabScatter", () => {
  const policies = [
    { name: "cheap", kind: "single", accuracy: 0.5, costPerItemUsd: 0.0001 },
    { name: "dear", kind: "single", accuracy: 0.8, costPerItemUsd: 0.01 },
    { name: "worse", kind: "single", accuracy: 0.6, costPerItemUsd: 0.02 },
    { name: "balanced", kind: "ensemble", accuracy: 0.79, costPerItemUsd: 0.001 },
    { name: "zero-router", kind: "reference", accuracy: 0.6, costPerItemUsd: 0.001 },
    { name: "free", kind: "baseline", accuracy: 0, costPerItemUsd: 0 },
  ];

  it("drops the zero-router point, keeps costs positive and accuracy in percent", () => {
    const { points } = prepareLabScatter(policies, []);
    expect(points.map((p) => p.name)).not.toContain("zero-router");
    expect(points.find((p) => p.name === "free")?.cost).toBeGreaterThan(0);
    expect(points.find((p) => p.name === "balanced")?.accuracy).toBe(79);
  });

  it("draws the frontier through the non-dominated policies, cheapest first", () => {
    expect(prepareLabScatter(policies, []).frontier.map((p) => p.name)).toEqual(["free", "cheap", "balanced", "dear"]);
  });

  it("turns the zero-router hull into a line of points", () => {
    const { hull } = prepareLabScatter(policies, [
      { cost: 0.0001, accuracy: 0.5 },
      { cost: 0.01, accuracy: 0.8 },
    ]);
    expect(hull).toEqual([
      { name: "hull 1", kind: "hull", cost: 0.0001, accuracy: 50 },
      { name: "hull 2", kind: "hull", cost: 0.01, accuracy: 80 },
    ]);
  });

  it("names the policy on trial, the oracle and the best single model on the chart", () => {
    const named = prepareLabScatter([...policies, { name: "oracle", kind: "reference", accuracy: 0.9, costPerItemUsd: 0.0002 }], []).points.filter((p) => p.label);
    expect(named.map((p) => p.label)).toEqual(["dear", "balanced", "oracle"]);
  });

  it("spans every point with room to spare, with a tick on each decade and both ends", () => {
    const { domain, ticks } = prepareLabScatter(policies, [{ cost: 0.03, accuracy: 0.8 }]);
    expect(domain).toEqual([5e-8, 0.05]);
    expect(ticks).toEqual([5e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.05]);
  });

  it("leaves the oracle (hindsight) out of the frontier", () => {
    const withOracle = [...policies, { name: "oracle", kind: "reference", accuracy: 0.99, costPerItemUsd: 0.00005 }];
    expect(prepareLabScatter(withOracle, []).frontier.map((p) => p.name)).toEqual(["free", "cheap", "balanced", "dear"]);
  });
});

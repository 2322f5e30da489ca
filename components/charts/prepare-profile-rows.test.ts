import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "@/server/orchestrator/spec";
import { describeOverride, prepareProfileChart, prepareProfileRows, type CapabilityProfileLike } from "./prepare-profile-rows";

const profile = (patch: Partial<CapabilityProfileLike> = {}): CapabilityProfileLike => ({
  mean: 0.6,
  low: 0.45,
  high: 0.74,
  source: "seed",
  manualScore: null,
  manualBy: null,
  manualAt: null,
  discoveredAt: null,
  observations: 0,
  ...patch,
});

describe("prepareProfileRows", () => {
  it("returns the twelve capabilities in the canonical order", () => {
    const rows = prepareProfileRows({ math: profile({ mean: 0.9 }) });
    expect(rows.map((r) => r.capability)).toEqual([...CAPABILITIES]);
    expect(rows[0]).toMatchObject({ capability: "math", mean: 0.9, effective: 0.9, manual: null, canReset: false });
    expect(rows[1]).toMatchObject({ capability: "code", mean: 0, low: 0, high: 0, source: "seed" });
  });

  it("keeps a manual override apart from the posterior; routing uses the override", () => {
    const [math] = prepareProfileRows({ math: profile({ manualScore: 0.8, manualBy: "x@y", manualAt: 1000 }) });
    expect(math).toMatchObject({ mean: 0.6, low: 0.45, high: 0.74, effective: 0.8, manual: { score: 0.8, by: "x@y", at: 1000 }, canReset: true });
  });

  it("offers a reset when a learned posterior has moved away from the last discovery", () => {
    const rows = prepareProfileRows({
      math: profile({ source: "learned", discoveredAt: 5, observations: 3 }),
      code: profile({ source: "discovered", discoveredAt: 5 }),
      reasoning: profile({ source: "learned" }),
    });
    expect(rows.slice(0, 3).map((r) => r.canReset)).toEqual([true, false, false]);
  });
});

describe("prepareProfileChart", () => {
  it("gives each capability its interval, mean and override", () => {
    const rows = prepareProfileRows({ math: profile({ manualScore: 0.3 }), code: profile({ low: 0.8, high: 0.7, mean: 0.75 }) });
    const [math, code] = prepareProfileChart(rows);
    expect(math).toEqual({ capability: "math", interval: [0.45, 0.74], mean: 0.6, manual: 0.3, source: "seed" });
    expect(code!.interval).toEqual([0.7, 0.8]);
  });
});

describe("describeOverride", () => {
  it("says manual, the score and who set it", () => {
    expect(describeOverride({ score: 0.8, by: "x@y", at: 1 })).toBe("manual 0.80, set by x@y");
    expect(describeOverride({ score: 0.5, by: null, at: null })).toBe("manual 0.50");
  });
});

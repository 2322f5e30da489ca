import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "@/server/orchestrator/spec";
import { heatLevel, prepareCapabilityHeat, topCapabilities } from "./prepare-capability-heat";

const score = (mean: number, manualScore: number | null = null) => ({ mean, low: mean - 0.1, high: mean + 0.05, source: "seed", manualScore });

describe("prepareCapabilityHeat", () => {
  it("returns all twelve capabilities in the canonical order, filling gaps", () => {
    const cells = prepareCapabilityHeat({ math: score(0.92), chat: score(0.5) });
    expect(cells.map((c) => c.capability)).toEqual([...CAPABILITIES]);
    expect(cells[0]).toMatchObject({ capability: "math", score: 0.92, level: 5, source: "seed" });
    expect(cells.find((c) => c.capability === "code")).toMatchObject({ score: 0, level: 0, source: "none" });
  });

  it("prefers a hand-set score and says so", () => {
    const [math] = prepareCapabilityHeat({ math: score(0.4, 0.8) });
    expect(math).toMatchObject({ score: 0.8, manual: true, source: "manual", level: 4 });
    expect(math!.title).toBe("math: 80 (30–45, manual)");
  });

  it("buckets scores into six colour levels", () => {
    expect([0, 0.3, 0.45, 0.6, 0.75, 0.9, 1].map(heatLevel)).toEqual([0, 1, 2, 3, 4, 5, 5]);
  });

  it("picks the strongest capabilities, ties in canonical order", () => {
    const top = topCapabilities({ math: score(0.7), code: score(0.9), writing: score(0.7), chat: score(0.2) }, 3);
    expect(top.map((c) => c.capability)).toEqual(["code", "math", "writing"]);
  });
});

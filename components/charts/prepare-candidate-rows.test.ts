import { describe, expect, it } from "vitest";
import { omittedSentence, prepareCandidateRows, splitComponents, type CandidateLike } from "./prepare-candidate-rows";

const candidates: CandidateLike[] = [
  { modelId: "b", score: 0.6, components: { quality: 0.7, cost: 0.2 } },
  { modelId: "x", score: 0.9, components: {}, rejected: "maxCostUsd: too expensive" },
  { modelId: "a", score: 0.8, components: { quality: 0.9, cost: Number.NaN }, reason: "highest quality" },
  { modelId: "c", score: 0.7, components: {} },
];

describe("prepareCandidateRows", () => {
  it("orders chosen, then eligible by score, then rejected, with ranks for eligible ones", () => {
    const rows = prepareCandidateRows(candidates, ["c"], (id) => id.toUpperCase());
    expect(rows.map((r) => r.modelId)).toEqual(["c", "a", "b", "x"]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, null]);
    expect(rows[0]).toMatchObject({ chosen: true, modelName: "C" });
    expect(rows[3]).toMatchObject({ rejected: "maxCostUsd: too expensive", relative: 0 });
  });

  it("scales bars to the best eligible score and drops non-finite components", () => {
    const rows = prepareCandidateRows(candidates, ["a"]);
    expect(rows[0]).toMatchObject({ modelId: "a", relative: 1, reason: "highest quality" });
    expect(rows[0]!.terms).toEqual([{ name: "quality", value: 0.9 }]);
    expect(rows[0]!.inputs).toEqual([]);
    expect(rows.find((r) => r.modelId === "b")!.relative).toBeCloseTo(0.75);
  });

  it("copes with no candidates", () => {
    expect(prepareCandidateRows([], [])).toEqual([]);
  });
});

describe("splitComponents", () => {
  it("separates the score's terms from the measurements behind them", () => {
    expect(splitComponents({ quality: 0.9, latencyMs: 1200, "term.quality": 0.8, "term.cost": -0.1 })).toEqual({
      terms: [
        { name: "quality", value: 0.8 },
        { name: "cost", value: -0.1 },
      ],
      inputs: [
        { name: "quality", value: 0.9 },
        { name: "latencyMs", value: 1200 },
      ],
    });
  });
});

describe("omittedSentence", () => {
  it("names why models are not listed, in words", () => {
    expect(omittedSentence({ outranked: 1, "not-examined": 2, maxCostUsd: 0 })).toBe("3 more models not listed: 1 outranked, 2 not scored (provably could not win).");
    expect(omittedSentence({ circuit: 1 })).toBe("1 more model not listed: 1 breaker open.");
    expect(omittedSentence({})).toBeNull();
    expect(omittedSentence(undefined)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { prepareRequirementBars } from "./prepare-requirement-bars";

describe("prepareRequirementBars", () => {
  it("puts the primary capability first, then the rest by weight, dropping negligible ones", () => {
    const bars = prepareRequirementBars({ math: 0.5, reasoning: 0.3, code: 0.6, chat: 0.001 }, "math");
    expect(bars.map((b) => b.capability)).toEqual(["math", "code", "reasoning"]);
    expect(bars[0]).toMatchObject({ primary: true, weight: 0.5 });
    expect(bars[1]!.relative).toBe(1);
    expect(bars[2]!.relative).toBeCloseTo(0.5);
  });

  it("keeps the primary capability even when its weight is tiny, and clamps odd values", () => {
    const bars = prepareRequirementBars({ writing: 2, chat: Number.NaN }, "chat");
    expect(bars.map((b) => b.capability)).toEqual(["chat", "writing"]);
    expect(bars[0]!.weight).toBe(0);
    expect(bars[1]!.weight).toBe(1);
  });

  it("returns nothing for no weights and no primary", () => {
    expect(prepareRequirementBars({}, null)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { FIRM_EVAL_ITEMS, sampleCaution } from "./sample-size";

describe("sampleCaution", () => {
  it("says how far one item moves accuracy on a small held-out half", () => {
    expect(sampleCaution(3)).toContain("Only 3 held-out items: one item moves accuracy by 33 points");
    expect(sampleCaution(1)).toContain("Only 1 held-out item:");
    expect(sampleCaution(40)).toContain("by 2.5 points");
  });
  it("is silent from the firm size up", () => {
    expect(sampleCaution(FIRM_EVAL_ITEMS - 1)).toBeDefined();
    expect(sampleCaution(FIRM_EVAL_ITEMS)).toBeUndefined();
    expect(sampleCaution(826)).toBeUndefined();
  });
});

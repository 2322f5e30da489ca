import { describe, expect, it } from "vitest";
import { logAxis } from "./log-axis";

describe("logAxis", () => {
  it("1-2-5 ends: the nice values around the points with a margin, 2× and 5× ticks on short spans", () => {
    expect(logAxis([0.00004, 0.0009], "1-2-5", 1e-7)).toEqual({ domain: [2e-5, 1e-3], ticks: [2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3] });
    // the dev set's cost per item: gemma at $0.00004 to claude-3-opus at $0.014
    expect(logAxis([0.00004, 0.014], "1-2-5", 1e-7)).toEqual({ domain: [2e-5, 0.02], ticks: [2e-5, 1e-4, 1e-3, 1e-2, 0.02] });
    expect(logAxis([0.001], "1-2-5", 1e-7).domain).toEqual([5e-4, 2e-3]);
  });

  it("decade ends: whole decades around the values, an exact decade its own edge", () => {
    expect(logAxis([0.15, 75], "decade", 0.1)).toEqual({ domain: [0.1, 100], ticks: [0.1, 1, 10, 100] });
    expect(logAxis([0.3, 4], "decade", 0.1)).toEqual({ domain: [0.1, 10], ticks: [0.1, 0.2, 0.5, 1, 2, 5, 10] });
    expect(logAxis([1], "decade", 0.1).domain).toEqual([1, 10]);
  });

  it("no positive value: a decade at the fallback", () => {
    expect(logAxis([0, 0], "1-2-5", 1e-7)).toEqual({ domain: [1e-7, 1e-6], ticks: [1e-7, 1e-6] });
  });
});

import { describe, expect, it } from "vitest";
import { progressLabel } from "./lab-progress";

describe("progressLabel", () => {
  it("shows only the stage before the steps are counted, then done/total", () => {
    expect(progressLabel({ done: 0, total: 1, label: "analysing prompts" })).toBe("Starting: analysing prompts…");
    expect(progressLabel({ done: 3, total: 30, label: "balanced" })).toBe("3/30 · balanced");
  });
});

import { describe, expect, it } from "vitest";
import { describeBreaker } from "./breaker-status";

const NOW = Date.UTC(2026, 10, 27, 9, 0, 0);
const open = { modelId: "m", state: "open" as const, failures: 5, openedAt: NOW - 10_000, nextProbeAt: NOW + 20_000 };

describe("describeBreaker", () => {
  it("shows a closed breaker (or one never used) in green, with its run of failures in the title", () => {
    expect(describeBreaker(undefined, NOW)).toMatchObject({ state: "closed", label: "breaker closed", detail: null, tone: "green" });
    expect(describeBreaker({ ...open, state: "closed", failures: 2, openedAt: null, nextProbeAt: null }, NOW).title).toMatch(/2 failed calls in a row/);
  });

  it("counts down to an open breaker's next probe, then says the next call probes", () => {
    expect(describeBreaker(open, NOW)).toMatchObject({ state: "open", tone: "red", label: "breaker open", detail: "probe in 20s" });
    expect(describeBreaker(open, NOW).title).toMatch(/after 5 failed calls.*Next probe at 09:00:20 UTC/);
    expect(describeBreaker({ ...open, nextProbeAt: NOW + 10 * 60_000 }, NOW).detail).toBe("probe in 10m");
    expect(describeBreaker(open, NOW + 25_000).detail).toBe("probe on next call");
    expect(describeBreaker({ ...open, nextProbeAt: null }, NOW)).toMatchObject({ label: "breaker open", detail: null });
  });

  it("marks a half-open breaker as probing", () => {
    expect(describeBreaker({ ...open, state: "half-open", nextProbeAt: null }, NOW)).toMatchObject({ tone: "amber", label: "breaker half-open", detail: "probing" });
  });
});

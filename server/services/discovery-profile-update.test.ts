import { describe, expect, it } from "vitest";
import type { CapabilityEstimate, DiscoveryResult } from "@/server/orchestrator/discovery/estimator";
import type { Capability } from "@/server/orchestrator/spec";
import { profileUpdateFor } from "./discovery";

function estimate(probes: number, stopReason: CapabilityEstimate["stopReason"]): CapabilityEstimate {
  return { alpha: 1 + probes, beta: 1, mean: 0.9, low: 0.8, high: 1, probes, passes: probes, failures: 0, broken: [], latencyMsAvg: 1, costUsdTotal: 0, stopReason };
}

function result(status: DiscoveryResult<Capability>["status"], capabilities: Partial<Record<Capability, CapabilityEstimate>>): DiscoveryResult<Capability> {
  return { modelId: "m", status, capabilities: capabilities as Record<Capability, CapabilityEstimate>, probesUsed: 0, callsMade: 0, errors: [] };
}

describe("profileUpdateFor", () => {
  it("a complete built-in run writes every capability it measured", () => {
    const update = profileUpdateFor(result("complete", { math: estimate(20, "target"), code: estimate(40, "budget"), chat: estimate(0, "budget") }), { customSuite: false });
    expect(update).toEqual({ applied: ["math", "code"], skipped: [], note: null });
  });

  it("a failed or cancelled run writes only capabilities that stopped by their own rule", () => {
    for (const status of ["failed", "cancelled"] as const) {
      const update = profileUpdateFor(
        result(status, {
          math: estimate(20, "target"),
          code: estimate(80, "max-probes"),
          knowledge: estimate(48, "exhausted"),
          chat: estimate(3, status),
          writing: estimate(0, status),
        }),
        { customSuite: false },
      );
      expect(update.applied).toEqual(["math", "code", "knowledge"]);
      expect(update.skipped).toEqual([{ capability: "chat", reason: expect.stringMatching(/cut short/) }]);
      expect(update.note).toMatch(/chat kept their previous scores/);
    }
  });

  it("an operator's suite never writes the profile", () => {
    const update = profileUpdateFor(result("complete", { math: estimate(2, "exhausted") }), { customSuite: true });
    expect(update.applied).toEqual([]);
    expect(update.note).toMatch(/operator's suite/);
  });
});

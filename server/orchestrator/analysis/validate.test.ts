import { describe, expect, it } from "vitest";
import { CAPABILITIES, type Capability } from "../spec/capability";
import type { TaskRequirements } from "../spec/task";
import { createTaskAnalyzer } from "./analyzer";
import { requirementProblems, validateRequirements } from "./validate";

const good = (): TaskRequirements => createTaskAnalyzer().analyzeSync({ prompt: "Translate 'hello' into German", constraints: { maxCostUsd: 1 } });

/** Builds a broken copy; the cast is the point: these objects violate the type on purpose. */
function broken(change: (r: Record<string, unknown>) => void): TaskRequirements {
  const r = structuredClone(good()) as unknown as Record<string, unknown>;
  change(r);
  return r as unknown as TaskRequirements;
}

function weights(values: Partial<Record<Capability, number>>): Record<Capability, number> {
  return Object.fromEntries(CAPABILITIES.map((c) => [c, values[c] ?? 0])) as Record<Capability, number>;
}

describe("validateRequirements", () => {
  it("accepts the analyzer's own output", () => {
    expect(validateRequirements(good())).toBe(true);
    expect(requirementProblems(good())).toEqual([]);
  });

  it.each<[string, (r: Record<string, unknown>) => void, RegExp]>([
    ["weights that do not sum to 1", (r) => (r.capabilities = weights({ translation: 0.5, chat: 0.4 })), /sum to 0\.9/],
    ["weights summing to 1 + 2e-6", (r) => (r.capabilities = weights({ translation: 0.5, chat: 0.500002 })), /sum to/],
    ["a negative weight", (r) => (r.capabilities = weights({ translation: 1.2, chat: -0.2 })), /capabilities/],
    ["a NaN weight", (r) => (r.capabilities = weights({ translation: Number.NaN, chat: 1 })), /capabilities\.translation/],
    ["a missing capability", (r) => delete (r.capabilities as Record<string, number>).chat, /capabilities\.chat/],
    ["an unknown capability", (r) => ((r.capabilities as Record<string, number>).poetry = 0), /poetry|Unrecognized/],
    ["a primary without the top weight", (r) => (r.primary = "chat"), /primary: chat does not have the top weight/],
    ["an unknown primary", (r) => (r.primary = "poetry"), /primary/],
    ["an unknown format", (r) => (r.format = "yaml"), /format/],
    ["zero input tokens", (r) => (r.inputTokens = 0), /inputTokens/],
    ["fractional tokens", (r) => (r.inputTokens = 2.5), /inputTokens/],
    ["context smaller than input", (r) => (r.contextTokens = 1), /contextTokens/],
    ["expected output beyond the context", (r) => (r.expectedOutputTokens = (r.contextTokens as number) + 1), /expectedOutputTokens/],
    ["confidence above 1", (r) => (r.confidence = 1.5), /confidence/],
    ["an invalid constraint", (r) => (r.constraints = { maxCostUsd: -1 }), /constraints\.maxCostUsd/],
    ["evidence without a feature", (r) => (r.evidence = [{ feature: "", detail: "x" }]), /evidence/],
    ["no capabilities at all", (r) => delete r.capabilities, /capabilities/],
  ])("rejects %s", (_name, change, problem) => {
    const r = broken(change);
    expect(validateRequirements(r)).toBe(false);
    expect(requirementProblems(r).join("\n")).toMatch(problem);
  });

  it("tolerates float error below 1e-6 in the sum", () => {
    expect(validateRequirements(broken((r) => (r.capabilities = weights({ translation: 0.7, chat: 0.3 + 5e-7 }))))).toBe(true);
  });

  it("rejects things that are not requirements at all", () => {
    expect(requirementProblems(null)).not.toEqual([]);
    expect(requirementProblems("translation")).not.toEqual([]);
  });
});

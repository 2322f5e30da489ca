import { describe, expect, it } from "vitest";
import { graderSummary } from "./grader-summary";
import type { SuiteItemView } from "./types";

const item = (patch: Partial<SuiteItemView>): SuiteItemView => ({ id: "i", capability: "math", prompt: "p", grader: { kind: "rubric", criteria: "be kind" }, ...patch });

describe("graderSummary", () => {
  it("describes each grader kind in one line", () => {
    expect(graderSummary(item({ grader: { kind: "exact", alternatives: ["four"] }, expected: "4" }))).toBe("4 | four");
    expect(graderSummary(item({ grader: { kind: "numeric", tolerance: 0.5 }, expected: "4" }))).toBe("4 ± 0.5");
    expect(graderSummary(item({ grader: { kind: "numeric", tolerance: 0 }, expected: "4" }))).toBe("4");
    expect(graderSummary(item({ grader: { kind: "label", labels: ["spam", "ham"] }, expected: "spam" }))).toBe("spam (of spam, ham)");
    expect(graderSummary(item({ grader: { kind: "code", language: "javascript", functionName: "add", cases: [{ args: [1, 2], expected: 3 }] } }))).toBe(
      "add: 1 case; add(1, 2) → 3",
    );
    expect(
      graderSummary(item({ grader: { kind: "json", schema: { properties: { a: { type: "string" }, b: { type: "number" } }, required: ["a"] }, expected: { a: "x" } } })),
    ).toBe('{ a: string = "x", b?: number }');
    expect(graderSummary(item({ grader: { kind: "chrf", reference: "Bonjour", threshold: 50, alternatives: ["Salut"] } }))).toBe("chrF ≥ 50 vs “Bonjour” (+1 more)");
    expect(graderSummary(item({ rubric: "forgive typos" }))).toBe("be kind — forgive typos");
  });
});

import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "../spec/capability";
import { analyzeJsonLines, analyzeLine } from "./jsonl";

describe("JSON Lines CLI helpers", () => {
  it("analyzeLine returns the CLI record for one prompt", () => {
    const out = analyzeLine({ id: "t1", prompt: "Translate 'good morning' into Spanish" });
    expect(out.id).toBe("t1");
    expect(out.primary).toBe("translation");
    expect(Object.keys(out.capabilities)).toHaveLength(CAPABILITIES.length);
    expect(out.confidence).toBeGreaterThan(0);
    expect(out.evidence.length).toBeGreaterThan(0);
    expect(Object.keys(out).sort()).toEqual(["capabilities", "confidence", "evidence", "format", "id", "primary"]);
  });

  it("keeps input order, one output line per input line, and reports bad lines in place", () => {
    const input = [
      JSON.stringify({ id: "a", prompt: "Write a haiku about snow" }),
      "not json",
      "",
      JSON.stringify({ id: 7, prompt: "What is 2 + 2?" }),
      JSON.stringify({ id: "empty", prompt: "  " }),
      JSON.stringify({ prompt: "no id" }),
    ].join("\n");
    const lines = analyzeJsonLines(input).trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: "a", primary: "writing" });
    expect(lines[1]).toMatchObject({ id: null, error: expect.stringMatching(/JSON/) });
    expect(lines[2]).toMatchObject({ id: "7", primary: "math", format: "short-answer" });
    expect(lines[3]).toMatchObject({ id: "empty", error: expect.stringMatching(/must not be empty/) });
    expect(lines[4]).toMatchObject({ id: null, error: expect.stringMatching(/expected \{"id","prompt"\}/) });
  });
});

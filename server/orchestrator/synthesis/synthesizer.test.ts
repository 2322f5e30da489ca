import { describe, expect, it } from "vitest";
import type { ModelResult } from "../spec";
import { createResultSynthesizer } from "./synthesizer";

const result = (stepIndex: number, text: string, costUsd = 0.01): ModelResult => ({
  stepIndex,
  modelId: `m${stepIndex}`,
  role: "proposer",
  text,
  inputTokens: 10,
  outputTokens: 5,
  costUsd,
  latencyMs: 100,
});

describe("createResultSynthesizer", () => {
  it("combines: the last result carries the answer, every index is a contributor", async () => {
    const s = createResultSynthesizer("text");
    const r = await s.combine([result(2, "b"), result(0, "a"), result(3, "final")]);
    expect(r).toEqual({ text: "final", format: "text", contributors: [0, 2, 3], inputTokens: 30, outputTokens: 15, costUsd: 0.03 });
  });

  it("refuses to combine nothing", async () => {
    await expect(createResultSynthesizer("text").combine([])).rejects.toMatchObject({ code: "UNSATISFIABLE" });
  });

  it("validates and formats json: strips the fence and pretty-prints", async () => {
    const s = createResultSynthesizer("json");
    const r = await s.combine([result(0, '```json\n{"a":1}\n```')]);
    expect(s.validate(r)).toBe(true);
    expect(s.format(r)).toEqual({ text: '{\n  "a": 1\n}', format: "json" });
    expect(s.validate({ ...r, text: "{oops" })).toBe(false);
  });

  it("keeps fences when asked not to unwrap json", async () => {
    const s = createResultSynthesizer("json", { unwrapJson: false });
    const r = await s.combine([result(0, '```json\n{"a":1}\n```')]);
    expect(s.format(r).text).toBe('```json\n{"a":1}\n```');
  });

  it("formats code and text by trimming", async () => {
    const s = createResultSynthesizer("code");
    const r = await s.combine([result(0, "\n```py\nprint(1)\n\n```\n")]);
    expect(s.format(r).text).toBe("```py\nprint(1)\n```");
  });
});

import { describe, expect, it } from "vitest";
import { signalsFromTask, type FinishedStep } from "./task-signals";

const step = (stepIndex: number, role: string, modelId: string, output: string | null, status: FinishedStep["status"] = "completed"): FinishedStep => ({
  stepIndex, role, modelId, output, status,
});

describe("signalsFromTask", () => {
  it("gives validator signals only for checkable formats", () => {
    const steps = [step(0, "answer", "a", '{"x": 1}'), step(1, "answer", "b", "not json")];
    const json = signalsFromTask({ format: "json", steps, verdicts: [] });
    expect(json).toEqual([
      { modelId: "a", stepIndex: 0, signal: { kind: "validator", passed: true } },
      { modelId: "b", stepIndex: 1, signal: { kind: "validator", passed: false } },
    ]);
    expect(signalsFromTask({ format: "text", steps, verdicts: [] })).toEqual([]);
  });

  it("turns a verifier's verdict into a signal about the judged model, not the verifier", () => {
    const steps = [step(0, "answer", "cheap", "Answer: 4"), step(1, "verifier", "strong", "NO")];
    const signals = signalsFromTask({ format: "text", steps, verdicts: [{ fromStep: 1, toStep: 0, verdict: "no" }] });
    expect(signals).toEqual([{ modelId: "cheap", stepIndex: 0, signal: { kind: "verifier", verdict: "fail" } }]);
  });

  it("scores voters by how many others agreed with them", () => {
    const steps = [step(0, "voter", "a", "Answer: 42"), step(1, "voter", "b", "Answer: 42"), step(2, "voter", "c", "Answer: 7")];
    const votes = signalsFromTask({ format: "text", steps, verdicts: [] }).filter((s) => s.signal.kind === "vote");
    expect(votes.map((v) => [v.modelId, v.signal])).toEqual([
      ["a", { kind: "vote", agreeing: 1, others: 2 }],
      ["b", { kind: "vote", agreeing: 1, others: 2 }],
      ["c", { kind: "vote", agreeing: 0, others: 2 }],
    ]);
  });

  it("ignores failed steps: errors are reliability, not skill", () => {
    const steps = [step(0, "answer", "a", null, "failed"), step(1, "fallback", "b", "Answer: 3")];
    expect(signalsFromTask({ format: "short-answer", steps, verdicts: [] }).map((s) => s.modelId)).toEqual(["b"]);
  });
});

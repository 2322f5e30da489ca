import { describe, expect, it } from "vitest";
import { signalFromStep } from "./signals";
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

  it("scores the tiers of a short-answer cascade that settled by agreement like voters, so the outvoted tier learns it was wrong", () => {
    const steps = [step(0, "answer", "cheap-a", "Answer: 41"), step(1, "answer", "cheap-b", "Answer: 42"), step(2, "answer", "mid-c", "Answer: 42")];
    const votes = signalsFromTask({ format: "short-answer", steps, verdicts: [] }).filter((s) => s.signal.kind === "vote");
    expect(votes.map((v) => [v.modelId, v.signal])).toEqual([
      ["cheap-a", { kind: "vote", agreeing: 0, others: 2 }],
      ["cheap-b", { kind: "vote", agreeing: 1, others: 2 }],
      ["mid-c", { kind: "vote", agreeing: 1, others: 2 }],
    ]);
    // tiers a verifier judged learn from its verdict, not from agreement; free text never agrees word for word
    const judged = signalsFromTask({ format: "short-answer", steps, verdicts: [{ fromStep: 3, toStep: 0, verdict: "no" }, { fromStep: 3, toStep: 1, verdict: "yes" }] });
    expect(judged.filter((s) => s.signal.kind === "vote").map((v) => v.modelId)).toEqual([]);
    expect(signalsFromTask({ format: "text", steps, verdicts: [] })).toEqual([]);
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

  it("gives a model that voted twice one vote signal, with only other models as corroboration", () => {
    const steps = [step(0, "voter", "a", "Answer: 5"), step(1, "voter", "b", "Answer: 6"), step(2, "voter", "a", "Answer: 5")];
    const votes = signalsFromTask({ format: "text", steps, verdicts: [] }).filter((s) => s.signal.kind === "vote");
    expect(votes).toEqual([
      { modelId: "a", stepIndex: 0, signal: { kind: "vote", agreeing: 0, others: 1 } },
      { modelId: "b", stepIndex: 1, signal: { kind: "vote", agreeing: 0, others: 1 } },
    ]);
  });

  it("counts a repeated model once as a corroborator, by the share of its answers that match", () => {
    const steps = [
      step(0, "voter", "a", "Answer: 5"),
      step(1, "voter", "b", "Answer: 5"),
      step(2, "voter", "c", "Answer: 7"),
      step(3, "voter", "b", "Answer: 7"),
      step(4, "voter", "b", "Answer: 5"),
    ];
    const votes = signalsFromTask({ format: "text", steps, verdicts: [] }).filter((s) => s.signal.kind === "vote");
    // a: b matches 2 of its 3 answers, c none; b: 2 of its 3 answers match a, 1 of 3 matches c; c: 1 of b's 3
    expect(votes.map((v) => [v.modelId, v.signal])).toEqual([
      ["a", { kind: "vote", agreeing: 2 / 3, others: 2 }],
      ["b", { kind: "vote", agreeing: 1, others: 2 }],
      ["c", { kind: "vote", agreeing: 1 / 3, others: 2 }],
    ]);
    // the profile update takes the merged, fractional form as a graded outcome
    expect(votes.map((v) => signalFromStep(v.signal, { math: 1 }).outcome)).toEqual([1 / 3, 1 / 2, 1 / 6]);
  });

  it("learns nothing from a vote whose surviving voters are all one model", () => {
    const steps = [step(0, "voter", "a", "Answer: 5"), step(1, "voter", "b", null, "failed"), step(2, "voter", "a", "Answer: 5")];
    expect(signalsFromTask({ format: "text", steps, verdicts: [] }).filter((s) => s.signal.kind === "vote")).toEqual([]);
  });

  it("ignores failed steps: errors are reliability, not skill", () => {
    const steps = [step(0, "answer", "a", null, "failed"), step(1, "fallback", "b", "Answer: 3")];
    expect(signalsFromTask({ format: "short-answer", steps, verdicts: [] }).map((s) => s.modelId)).toEqual(["b"]);
  });
});

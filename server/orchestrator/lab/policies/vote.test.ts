import { describe, expect, it } from "vitest";
import { answerKey } from "../agree";
import type { Call, PreparedItem } from "../prepare";
import type { TaskRequirements } from "../../spec";
import { strengthOnTune, vote } from "./vote";

function item(primary: string, calls: Record<string, [string | null, boolean]>): PreparedItem {
  const map = new Map<string, Call>(Object.entries(calls).map(([id, [answer, correct]]) => [id, { answer, correct, costUsd: 1, key: answerKey(answer) }]));
  return { id: `${primary}-${Object.values(calls).join()}`, family: "f", split: "tune", requirements: { primary } as TaskRequirements, calls: map };
}

describe("replayed vote (the engine's rule: most votes, then strength, then voter order)", () => {
  it("a plurality wins without a majority, and every voter is paid", () => {
    const [d] = vote([item("math", { a: ["1", false], b: ["2", true], c: ["2", true], d: ["3", false], e: ["4", false] })], ["a", "b", "c", "d", "e"]);
    expect(d).toEqual({ correct: true, costUsd: 5, models: ["a", "b", "c", "d", "e"] });
  });

  it("breaks a tie by the voters' mean strength, else by the earliest voter", () => {
    const tied = item("math", { a: ["1", false], b: ["2", true] });
    expect(vote([tied], ["a", "b"])[0]?.correct).toBe(false);
    expect(vote([tied], ["a", "b"], (id) => (id === "b" ? 0.9 : 0.4))[0]?.correct).toBe(true);
  });

  it("unparsed answers do not vote; with none parsed the first voter's reply stands", () => {
    expect(vote([item("math", { a: [null, false], b: ["2", true] })], ["a", "b"])[0]?.correct).toBe(true);
    expect(vote([item("math", { a: [null, false], b: [null, false] })], ["a", "b"])[0]).toEqual({ correct: false, costUsd: 2, models: ["a", "b"] });
  });

  it("a model with no recording is not called", () => {
    expect(vote([item("math", { a: ["1", true] })], ["a", "z"])[0]?.models).toEqual(["a"]);
  });
});

describe("strengthOnTune", () => {
  it("is each model's smoothed accuracy on the item's primary capability", () => {
    const tune = [item("math", { a: ["1", true], b: ["2", false] }), item("math", { a: ["3", true], b: ["3", true] }), item("code", { a: ["x", false] })];
    const strength = strengthOnTune(tune);
    expect(strength("a", item("math", {}))).toBeCloseTo(3 / 4);
    expect(strength("b", item("math", {}))).toBeCloseTo(2 / 4);
    expect(strength("a", item("code", {}))).toBeCloseTo(1 / 3);
    expect(strength("a", item("writing", {}))).toBe(0.5);
  });
});

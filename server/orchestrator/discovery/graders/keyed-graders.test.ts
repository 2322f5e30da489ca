import { describe, expect, it } from "vitest";
import { gradeExact } from "./exact";
import { gradeLabel } from "./label";
import { gradeNumeric } from "./numeric";
import { testItem } from "./test-items";

const exactItem = { ...testItem({ kind: "exact", alternatives: ["Shakespeare"] }, { expected: "William Shakespeare" }), grader: { kind: "exact" as const, alternatives: ["Shakespeare"] } };
const numericItem = { ...testItem({ kind: "numeric", tolerance: 0 }, { expected: "1,234" }), grader: { kind: "numeric" as const, tolerance: 0 } };
const labels = ["positive", "negative", "neutral"];
const labelItem = { ...testItem({ kind: "label", labels }, { expected: "negative" }), grader: { kind: "label" as const, labels } };

describe("exact grader", () => {
  it.each([
    ["William Shakespeare", true],
    ["**shakespeare.**", true],
    ['{"answer": "William Shakespeare"}', true],
    ["Answer: Shakespeare", true],
    ["The play was written by William Shakespeare.", true],
    ["Shakespeare. He wrote it around 1595.", true],
    ["Christopher Marlowe", false],
    ["Shakespeare? No: Christopher Marlowe", false],
    ["", false],
  ])("%j → %s", async (reply, pass) => {
    expect((await gradeExact(exactItem, reply, {})).pass).toBe(pass);
  });

  it("does not let a signed or longer number end with the answer", async () => {
    const item = { ...testItem({ kind: "exact" }, { expected: "10" }), grader: { kind: "exact" as const } };
    expect((await gradeExact(item, "-10", {})).pass).toBe(false);
    expect((await gradeExact(item, "The next term is 110", {})).pass).toBe(false);
    expect((await gradeExact(item, "The next term is 10", {})).pass).toBe(true);
  });

  it("takes one reading: two different answers at the two ends of a reply fail", async () => {
    const yes = { ...testItem({ kind: "exact" }, { expected: "yes" }), grader: { kind: "exact" as const } };
    const no = { ...yes, expected: "no" };
    for (const reply of ["Yes. No", "No. Yes", "Yes.\nNo", "Answer: yes. no"]) {
      expect((await gradeExact(yes, reply, {})).pass, reply).toBe(false);
      expect((await gradeExact(no, reply, {})).pass, reply).toBe(false);
    }
    expect((await gradeExact(exactItem, "Christopher Marlowe.\nThe answer is William Shakespeare", {})).pass).toBe(false);
    expect((await gradeExact(exactItem, "Shakespeare.\nMarlowe", {})).pass).toBe(false);
    // agreeing ends, a filler first sentence, an explanation after the answer, a negated alternative: one answer
    expect((await gradeExact(exactItem, "Shakespeare.\nThe answer is William Shakespeare", {})).pass).toBe(true);
    expect((await gradeExact(exactItem, "Sure. The play was written by William Shakespeare.", {})).pass).toBe(true);
    expect((await gradeExact(exactItem, "Shakespeare. Not Marlowe.", {})).pass).toBe(true);
    expect((await gradeExact(yes, "Yes. It follows from the premises.", {})).pass).toBe(true);
    expect((await gradeExact(no, "The answer is no.", {})).pass).toBe(true);
  });

  it("does not pass a negated answer", async () => {
    for (const reply of [
      "Christopher Marlowe.\nThe answer is not William Shakespeare",
      "It is not Shakespeare",
      "The author isn't Shakespeare.",
      "It was never Shakespeare",
    ]) {
      expect((await gradeExact(exactItem, reply, {})).pass, reply).toBe(false);
    }
    expect((await gradeExact(exactItem, "Not Marlowe but Shakespeare", {})).pass).toBe(true);
  });

  it("reports an item without an expected answer as broken", async () => {
    const item = { ...testItem({ kind: "exact" }), grader: { kind: "exact" as const } };
    expect(await gradeExact(item, "x", {})).toMatchObject({ broken: true });
  });
});

describe("numeric grader", () => {
  it.each([
    ["1234", true],
    ["Answer: 1,234", true],
    ["The warehouse ships 20 crates... so 1234 in total.", true],
    ['{"answer": 1234}', true],
    ["$\\boxed{1234}$", true],
    ["1235", false],
    ["1233", false],
    ["no idea", false],
  ])("%j → %s", async (reply, pass) => {
    expect((await gradeNumeric(numericItem, reply, {})).pass).toBe(pass);
  });

  it("honours a tolerance and flags a non-numeric expected answer", async () => {
    const item = { ...testItem({ kind: "numeric", tolerance: 0.01 }, { expected: "3.14" }), grader: { kind: "numeric" as const, tolerance: 0.01 } };
    expect((await gradeNumeric(item, "about 3.141", {})).pass).toBe(true);
    expect((await gradeNumeric(item, "3.2", {})).pass).toBe(false);
    const bad = { ...numericItem, expected: "many" };
    expect(await gradeNumeric(bad, "3", {})).toMatchObject({ broken: true });
  });
});

describe("label grader", () => {
  it.each([
    ["negative", true],
    ["Negative.", true],
    ["Answer: **negative**", true],
    ["The sentiment is negative.", true],
    ["positive", false],
    // a negated label does not count: this names one label, negative
    ["It is negative, not positive.", true],
    ["It is not positive; it is negative.", true],
    ["It is definitely not a negative review.", false],
    ["It isn't negative.", false],
    ["It is never negative.", false],
    ["negative or positive", false],
    ["It is negative and positive.", false],
    ["Not positive, but negative.", true],
    ["unclear", false],
  ])("%j → %s", async (reply, pass) => {
    expect((await gradeLabel(labelItem, reply, {})).pass).toBe(pass);
  });

  it("reports an expected label outside the set as broken", async () => {
    expect(await gradeLabel({ ...labelItem, expected: "angry" }, "angry", {})).toMatchObject({ broken: true });
  });
});

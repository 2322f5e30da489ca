import { describe, expect, it } from "vitest";
import { gradeChrf } from "./chrf";
import { chrF } from "./chrf-score";
import { candidatePieces, promptCoverage, visibleLength } from "./chrf-limits";
import { testItem } from "./test-items";

describe("chrF", () => {
  it("is 100 for identical text and about 0 for text with no shared characters", () => {
    expect(chrF("Le chat dort sur le canapé.", "Le chat dort sur le canapé.")).toBeCloseTo(100, 10);
    expect(chrF("xyz qvw", "Le chat")).toBeCloseTo(0, 10);
    expect(chrF("", "Le chat")).toBe(0);
    expect(chrF("", "")).toBe(100);
  });

  it("ignores whitespace and case, ranks closer hypotheses higher", () => {
    expect(chrF("LE CHAT  DORT", "le chat dort")).toBeCloseTo(100, 10);
    const reference = "Les enfants jouent dans le jardin.";
    const close = chrF("Les enfants jouent au jardin.", reference);
    const far = chrF("Les chiens mangent dans la cuisine.", reference);
    const unrelated = chrF("The children are playing in the garden.", reference);
    expect(close).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(unrelated);
  });

  it("weights recall over precision (β = 2): a padded answer beats a truncated one", () => {
    const reference = "Nous allons à la plage demain.";
    expect(chrF("Bien sûr ! Nous allons à la plage demain.", reference)).toBeGreaterThan(chrF("Nous allons", reference));
  });

  it("matches a hand computation on a short pair", () => {
    // "ab" vs "ab" + "c": n=1 P=2/3 R=1; n=2 P=1/2 R=1 → P=7/12, R=1 → F2 = 5·P·R/(4P+R)
    const p = 7 / 12;
    expect(chrF("abc", "ab")).toBeCloseTo((100 * 5 * p) / (4 * p + 1), 10);
  });
});

describe("chrF grader", () => {
  const grader = { kind: "chrf" as const, reference: "Le chat dort sur le canapé.", threshold: 45 };
  const item = { ...testItem(grader), grader };

  it("passes a faithful translation and fails a wrong one", async () => {
    const good = await gradeChrf(item, "Translation: Le chat dort sur le canapé.", {});
    expect(good).toMatchObject({ pass: true, score: 1 });
    expect((await gradeChrf(item, "Le chat est en train de dormir sur le canapé.", {})).pass).toBe(true);
    expect((await gradeChrf(item, "Here is the translation of your request.", {})).pass).toBe(false);
    expect((await gradeChrf(item, "   ", {})).pass).toBe(false);
  });
});

describe("chrF grader: padding, copying and two candidates", () => {
  const translation = { kind: "chrf" as const, reference: "Le chat dort sur le canapé.", threshold: 50 };
  const translationItem = { ...testItem(translation, { capability: "translation" }), grader: translation };
  const passage = "On Saturday Riverside Rovers beat Hillcrest United 2-1 at Marlow Park. Tomás Ortega scored the winning goal with five minutes left, after a tense second half in which both sides hit the post. The result lifts Riverside Rovers to the top of the league table, while Hillcrest United drop to fourth.";
  const summary = { kind: "chrf" as const, reference: "Riverside Rovers beat Hillcrest United 2-1 thanks to a late winner from Tomás Ortega, moving to the top of the league.", threshold: 35 };
  const summaryItem = { ...testItem(summary, { capability: "summarization", prompt: `Summarize the following text in one sentence.\n\n${passage}` }), grader: summary };

  it("fails two candidate translations, on one line or two, and a reply twice the reference's length", async () => {
    for (const reply of [
      "Le chat dort sur le canapé. Le chat dort sur le sofa.",
      "Le chat dort sur le canapé.\nLe chat est en train de dormir sur le canapé.",
      "Le chat dort sur le canapé / Le chat dort sur le sofa",
      "Le chat dort sur le canapé, ou bien le chat dort sur le sofa",
    ]) {
      const graded = await gradeChrf(translationItem, reply, {});
      expect(graded, reply).toMatchObject({ pass: false, score: 0 });
    }
  });

  it("still passes one translation with a short lead-in or a longer paraphrase", async () => {
    for (const reply of ["Translation: Le chat dort sur le canapé.", "Bien sûr ! Le chat dort sur le canapé.", "Le chat est en train de dormir sur le canapé."]) {
      expect((await gradeChrf(translationItem, reply, {})).pass, reply).toBe(true);
    }
  });

  it("fails an echoed or mostly copied passage, passes a summary in its own words", async () => {
    const echo = await gradeChrf(summaryItem, passage, {});
    expect(echo).toMatchObject({ pass: false, score: 0 });
    expect(echo.detail).toMatch(/too long/);
    const firstTwo = "On Saturday Riverside Rovers beat Hillcrest United 2-1 at Marlow Park. Tomás Ortega scored the winning goal with five minutes left, after a tense second half in which both sides hit the post.";
    const copied = await gradeChrf(summaryItem, firstTwo, {});
    expect(copied.pass, copied.detail).toBe(false);
    const own = "Riverside Rovers won 2-1 against Hillcrest United with a late goal by Tomás Ortega and went top of the league.";
    expect((await gradeChrf(summaryItem, own, {})).pass).toBe(true);
  });

  it("measures length without whitespace, copying in runs of four words, and candidates by line and sentence", () => {
    expect(visibleLength(" a b\nc ")).toBe(3);
    expect(promptCoverage("one two three four five six seven eight", "x one two three four y")).toBeCloseTo(0.5, 10);
    expect(promptCoverage("one two three four five six seven eight", "one two three x five six seven")).toBe(0);
    expect(candidatePieces("1. Hola.\n2. Buenos días. ¿Qué tal? / Hey")).toEqual(["Hola.", "Buenos días.", "¿Qué tal?", "Hey"]);
  });
});

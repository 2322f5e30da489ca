import { describe, expect, it } from "vitest";
import { gradeChrf } from "./chrf";
import { chrF } from "./chrf-score";
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

import { describe, expect, it } from "vitest";
import { extractAnswer, finalNumber, isNegatedStatement, negatedAt, normaliseText, phraseIndices, stripMarkdown } from "./normalise";

describe("answer normalisation", () => {
  it("takes the JSON answer field, else the last Answer: line, else the whole reply", () => {
    expect(extractAnswer('{"answer": "Paris", "why": "capital"}')).toBe("Paris");
    expect(extractAnswer('```json\n{"answer": 42}\n```')).toBe("42");
    expect(extractAnswer("Let me think.\nAnswer: 12\nWait, no.\n**Final answer:** 13")).toBe("13");
    expect(extractAnswer("  Canberra  ")).toBe("Canberra");
  });

  it("strips markdown, quotes, boxes, accents, case, outer punctuation and a leading article", () => {
    expect(stripMarkdown("**`Paris`**")).toBe("Paris");
    expect(stripMarkdown("$\\boxed{42}$")).toBe("$42$");
    expect(normaliseText('"The Pacific Ocean."')).toBe("pacific ocean");
    expect(normaliseText("Bogotá")).toBe("bogota");
    expect(normaliseText("  New   Delhi!  ")).toBe("new delhi");
    expect(normaliseText("-10")).toBe("-10");
  });

  it("reads the final number, with thousands separators and signs", () => {
    expect(finalNumber("First 3 then 4, so the total is 1,234.")).toBe(1234);
    expect(finalNumber("It drops to -15 degrees")).toBe(-15);
    expect(finalNumber("COVID-19")).toBe(19);
    expect(finalNumber("5-3")).toBe(3);
    expect(finalNumber("2.5 apples")).toBe(2.5);
    expect(finalNumber("no digits here")).toBeUndefined();
  });

  it("finds whole-word occurrences and reads a negation up to three words before one", () => {
    expect(phraseIndices("mammal, not a mammal; mammals", "mammal")).toEqual([0, 14]);
    const negated = (text: string, phrase: string) => negatedAt(text, text.lastIndexOf(phrase));
    expect(negated("it is definitely not a mammal", "mammal")).toBe(true);
    expect(negated("it isn't negative", "negative")).toBe(true);
    expect(negated("it is never spam", "spam")).toBe(true);
    expect(negated("not that it is a mammal", "mammal")).toBe(false); // four words back
    expect(negated("no, mammal", "mammal")).toBe(false);
    expect(negated("not a reptile but a mammal", "mammal")).toBe(false);
    expect(negated("mammal", "mammal")).toBe(false);
    expect(isNegatedStatement("not sydney")).toBe(true);
    expect(isNegatedStatement("no")).toBe(false);
  });
});

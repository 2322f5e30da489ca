import { describe, expect, it } from "vitest";
import { extractAnswer, finalNumber, normaliseText, stripMarkdown } from "./normalise";

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
});

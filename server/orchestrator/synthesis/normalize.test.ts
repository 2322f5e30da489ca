import { describe, expect, it } from "vitest";
import { normalizeAnswer, normalizeNumber, normalizeText } from "./normalize";

describe("normalizeAnswer", () => {
  it.each([
    ["42", "42"],
    ["The answer is **42**.", "42"],
    ["Let me think. 6*7 = 42\nAnswer: 42", "42"],
    ["Step 1: 3 apples. Step 2: 5 pears. Total 1,234.50", "1234.5"],
    ['{"answer": "Paris"}', "paris"],
    ['```json\n{"answer": 7, "why": "3+4 = 7"}\n```', "7"],
    ["so the result is \\boxed{\\frac{1}{2}} and 9", "1/2"],
    ["$x = \\dfrac{3}{4}$", "3/4"],
    ["Answer: `Paris`!", "paris"],
    ["# Final answer: The Beatles", "the beatles"],
    ["-3.0", "-3"],
    ["3/4", "3/4"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });

  it("makes equivalent spellings equal", () => {
    expect(normalizeAnswer("**The answer is 1,000.**")).toBe(normalizeAnswer("Answer: 1000"));
    expect(normalizeAnswer("Yes.")).toBe(normalizeAnswer("yes"));
  });
});

describe("normalizeText / normalizeNumber", () => {
  it("lowercases, strips markdown and punctuation", () => {
    expect(normalizeText("  **Hello**, _World_!  ")).toBe("hello world");
    expect(normalizeText("well-known")).toBe("well known");
    expect(normalizeText("pi is 3.14")).toBe("pi is 3.14");
  });
  it("normalises numbers", () => {
    expect(normalizeNumber("1,000")).toBe("1000");
    expect(normalizeNumber("0.50")).toBe("0.5");
  });
});

import { describe, expect, it } from "vitest";
import { ConflictError } from "../errors";
import { AnswerKeyBook, builtinAnswerKeys, generateBuiltinAnswerKeys, normalisePrompt } from "./answer-keys";

describe("AnswerKeyBook", () => {
  it("looks a question up by its normalised text", () => {
    const book = new AnswerKeyBook();
    book.register({ capability: "math", prompt: "What is 2 + 2?", answer: "4", wrongAnswers: ["5", "3"] });
    expect(book.lookup("  what IS 2 +   2?\n")).toEqual({ capability: "math", answer: "4", wrongAnswers: ["5", "3"] });
    expect(book.lookup("What is 2 + 3?")).toBeUndefined();
    expect(normalisePrompt(" A\tB  c ")).toBe("a b c");
  });

  it("ignores a repeated key, rejects a conflicting one and drops wrong answers equal to the answer", () => {
    const book = new AnswerKeyBook();
    const key = { capability: "math" as const, prompt: "What is 1 + 1?", answer: "2", wrongAnswers: ["2", "3"] };
    book.register(key);
    book.register(key);
    expect(book.size).toBe(1);
    expect(book.lookup(key.prompt)?.wrongAnswers).toEqual(["3"]);
    expect(() => book.register({ ...key, answer: "11" })).toThrow(ConflictError);
    expect(() => book.register({ capability: "math", prompt: "x", answer: "1", wrongAnswers: ["1"] })).toThrow(ConflictError);
  });

  it("validates keys at the boundary", () => {
    const book = new AnswerKeyBook();
    expect(() => book.register({ capability: "math", prompt: " ", answer: "1", wrongAnswers: ["2"] })).toThrow();
    expect(() => book.register({ capability: "math", prompt: "q", answer: "1", wrongAnswers: [] })).toThrow();
  });
});

describe("built-in answer keys", () => {
  it("has enough distinct keyed questions per capability", () => {
    const counts = Object.fromEntries(["math", "classification", "knowledge", "translation"].map((c) => [c, builtinAnswerKeys.keys(c as "math").length]));
    console.log("built-in answer keys per capability:", counts);
    expect(counts.math).toBeGreaterThanOrEqual(500);
    expect(counts.classification).toBeGreaterThanOrEqual(50);
    expect(counts.knowledge).toBeGreaterThanOrEqual(50);
    expect(counts.translation).toBeGreaterThanOrEqual(50);
    expect(builtinAnswerKeys.size).toBe(generateBuiltinAnswerKeys().length);
  });

  it("is the same on every generation", () => {
    expect(generateBuiltinAnswerKeys()).toEqual(generateBuiltinAnswerKeys());
  });

  it("keys math questions with the right arithmetic and never lists the answer as wrong", () => {
    for (const key of builtinAnswerKeys.keys("math")) {
      const direct = key.prompt.match(/^What is (\d+) ([+\-*]) (\d+)\?/);
      if (direct) {
        const [, a, op, b] = direct;
        const expected = op === "+" ? Number(a) + Number(b) : op === "-" ? Number(a) - Number(b) : Number(a) * Number(b);
        expect(key.answer).toBe(String(expected));
      }
      expect(key.wrongAnswers.length).toBeGreaterThanOrEqual(2);
      expect(key.wrongAnswers).not.toContain(key.answer);
    }
    for (const key of builtinAnswerKeys.keys()) expect(key.wrongAnswers).not.toContain(key.answer);
  });

  it("knows some facts for certain", () => {
    expect(builtinAnswerKeys.lookup("What is the capital city of Australia? Answer with the city name only.")).toMatchObject({
      capability: "knowledge",
      answer: "Canberra",
      wrongAnswers: expect.arrayContaining(["Sydney"]),
    });
    expect(builtinAnswerKeys.lookup('Translate into French: "the cat". Answer with the translation only.')?.answer).toBe("le chat");
    expect(builtinAnswerKeys.lookup('Translate into Spanish: "thank you". Answer with the translation only.')?.answer).toBe("gracias");
  });
});

import { describe, expect, it } from "vitest";
import type { OutputFormat } from "../spec/task";
import { createTaskAnalyzer } from "./analyzer";

const analyzer = createTaskAnalyzer();
const formatOf = (prompt: string): OutputFormat => analyzer.analyzeSync({ prompt, constraints: {} }).format;

describe("output format detection", () => {
  it.each<[OutputFormat, string]>([
    ["json", "Extract the name, date and amount from this invoice as JSON: ACME, 3 May, $40"],
    ["json", "Give me a JSON schema for a blog post with title, body and tags."],
    ["json", "Classify these reviews and return JSON like {\"id\": 1, \"label\": \"positive\"}: 1) great 2) awful"],
    ["code", "Write a function in TypeScript that debounces another function."],
    ["code", "Fix this bug: my loop never ends\n```js\nwhile (i < 10) { console.log(i) }\n```"],
    ["code", "bash one-liner to count lines in all .ts files"],
    ["short-answer", "A shop sells pens at $3 each. How much do 7 pens cost?"],
    ["short-answer", "What is the capital of Canada?"],
    ["short-answer", "Classify the sentiment of this review as positive or negative: 'Loved every minute.'"],
    ["short-answer", "Is this email spam? Answer yes or no. 'You won a prize, send your bank details.'"],
    ["short-answer", "Question: Which planet is closest to the Sun?\nA. Venus\nB. Mercury\nC. Mars\nD. Earth\nAnswer:"],
    ["list", "List 5 tips for sleeping better."],
    ["list", "Give me 10 ideas for a birthday party theme."],
    ["list", "Brainstorm names for a bakery."],
    ["list", "Summarize this meeting in bullet points: we agreed to ship Friday, Ana owns QA, budget unchanged."],
    ["list", "Label each tweet as positive or negative:\n- love it\n- hate it\n- meh"],
    ["text", "Write a short story about a lighthouse keeper."],
    ["text", "Explain how vaccines work."],
    ["text", "Prove that the square root of 2 is irrational."],
    ["text", "Explain what this TypeScript type does: type A<T> = T extends string ? 1 : 0"],
    ["text", "Pretend you are a pirate captain greeting a new recruit."],
    ["text", "hi, how are you?"],
  ])("%s ← %s", (format, prompt) => {
    expect(formatOf(prompt)).toBe(format);
  });

  it("records why it chose the format", () => {
    const r = analyzer.analyzeSync({ prompt: "Give me 10 ideas for a team offsite.", constraints: {} });
    expect(r.evidence.find((e) => e.feature === "format")?.detail).toMatch(/^list: /);
  });
});

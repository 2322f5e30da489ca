import { describe, expect, it, vi } from "vitest";
import { gradeCode } from "./code";
import { extractCode } from "./code-extract";
import type { GraderPorts } from "./ports";
import { gradeRubric } from "./rubric";
import { testItem } from "./test-items";

describe("code extraction", () => {
  it("prefers the JavaScript block that defines the function and drops export syntax", () => {
    const reply = "Plan:\n```text\nloop over digits\n```\n```js\nexport function sumDigits(n) { return 1; }\n```\n```js\nconsole.log(sumDigits(5))\n```";
    expect(extractCode(reply, "sumDigits")).toBe("function sumDigits(n) { return 1; }");
    expect(extractCode("```python\ndef f(): pass\n```\n```javascript\nconst g = () => 1;\n```", "g")).toBe("const g = () => 1;");
    expect(extractCode("function f() { return 2; }", "f")).toBe("function f() { return 2; }");
    expect(extractCode("```js\nfunction f() {\n  return 3;", "f")).toBe("function f() {\n  return 3;");
    expect(extractCode("export default function f() {}\nexport { f };", "f")).toBe("function f() {}");
    expect(extractCode("   ", "f")).toBeUndefined();
  });
});

describe("code grader", () => {
  const grader = { kind: "code" as const, language: "javascript" as const, functionName: "double", cases: [{ args: [1], expected: 2 }, { args: [3], expected: 6 }] };
  const item = { ...testItem(grader, { capability: "code" }), grader };

  it("hands the extracted code to the sandbox port and scores the share of cases passed", async () => {
    const runCode = vi.fn<NonNullable<GraderPorts["runCode"]>>(async () => ({ passed: 1, total: 2, error: "case 2 expected 6, got 4" }));
    const result = await gradeCode(item, "```js\nfunction double(x) { return x + 1; }\n```", { runCode });
    expect(runCode).toHaveBeenCalledWith("function double(x) { return x + 1; }", "double", grader.cases, { timeoutMs: 1_000, memoryMb: 64 });
    expect(result).toMatchObject({ pass: false, score: 0.5, detail: "1/2 test cases passed: case 2 expected 6, got 4" });
    runCode.mockResolvedValueOnce({ passed: 2, total: 2 });
    expect(await gradeCode(item, "function double(x) { return 2 * x; }", { runCode })).toMatchObject({ pass: true, score: 1 });
  });

  it("is broken without a sandbox, and fails an empty reply", async () => {
    expect(await gradeCode(item, "function double(x) {}", {})).toMatchObject({ broken: true });
    expect(await gradeCode(item, "", { runCode: async () => ({ passed: 0, total: 2 }) })).toMatchObject({ pass: false, detail: "no code in the reply" });
  });
});

describe("rubric grader", () => {
  const grader = { kind: "rubric" as const, criteria: "A haiku about snow." };
  const item = { ...testItem(grader, { capability: "writing", prompt: "Write a haiku about snow.", rubric: "Forgive one syllable off." }), grader };

  it("asks the judge with the criteria, the prompt and the reply, and keeps the verdict", async () => {
    const judge = vi.fn<NonNullable<GraderPorts["judge"]>>(async () => ({ pass: true, verdict: "Three lines, about snow." }));
    const result = await gradeRubric(item, "white hush on the roofs\n...", { judge });
    expect(judge).toHaveBeenCalledWith("A haiku about snow.\nForgive one syllable off.", "Write a haiku about snow.", "white hush on the roofs\n...");
    expect(result).toMatchObject({ pass: true, score: 1, judgeVerdict: "Three lines, about snow." });
    judge.mockResolvedValueOnce({ pass: false, verdict: "Not a haiku." });
    expect(await gradeRubric(item, "A sonnet", { judge })).toMatchObject({ pass: false, score: 0, judgeVerdict: "Not a haiku." });
  });

  it("is broken without a judge and fails an empty reply without asking", async () => {
    expect(await gradeRubric(item, "x", {})).toMatchObject({ broken: true });
    const judge = vi.fn<NonNullable<GraderPorts["judge"]>>();
    expect(await gradeRubric(item, "  ", { judge })).toMatchObject({ pass: false });
    expect(judge).not.toHaveBeenCalled();
  });
});

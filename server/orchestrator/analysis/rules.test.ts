import { describe, expect, it } from "vitest";
import { createTaskAnalyzer } from "./analyzer";
import { preparePrompt } from "./pipeline";

/** The structural cues added for prompt shapes the word model cannot see on its own. */
const analyzer = createTaskAnalyzer();
const primary = (prompt: string) => analyzer.analyzeSync({ prompt, constraints: {} }).primary;
const rulesFired = (prompt: string) => preparePrompt(prompt).hits.map((h) => h.id);

const JSON_TEMPLATE =
  '\n\n## Instruction \n\nPlease answer this question by first reasoning and then providing your answer.\nPresent your reasoning and solution in the following json format. \n\n```json\n{\n    "reasoning": "___",\n    "answer": "___"\n}\n```\n';

describe("rules for prompt shapes", () => {
  it("reads a harness-wrapped word problem as math, not as code or JSON work", () => {
    const r = preparePrompt(`## Question: \n\nA box holds 12 pens. How many pens are in 7 boxes?${JSON_TEMPLATE}`);
    expect(r.signals.pastedCode).toBe(false);
    expect(r.view.instruction).not.toMatch(/json format/);
    expect(primary(`## Question: \n\nA box holds 12 pens. How many pens are in 7 boxes?${JSON_TEMPLATE}`)).toBe("math");
  });

  it("sees LaTeX as math and a docstring stub or an assertion to complete as code", () => {
    expect(rulesFired("Find all $x$ with $\\sqrt{x+1} = 3$.")).toContain("latex-math");
    expect(rulesFired('def clamp(x, lo, hi):\n    """Clamp x into [lo, hi].\n    >>> clamp(5, 0, 3)\n    3\n    """\n')).toContain("function-stub");
    expect(primary("def f(x):\n    return x[::-1]\nassert f('abc') == ??")).toBe("code");
  });

  it("detects multiple-choice options", () => {
    expect(preparePrompt("Question: Which gas do plants absorb?\nA. Oxygen\nB. Carbon dioxide\nC. Helium\nD. Neon\nAnswer:").signals.multipleChoice).toBe(true);
  });

  it("treats a stage direction or a named persona as roleplay", () => {
    expect(primary("*pushes open the tavern door* Innkeeper! A room for the night?")).toBe("roleplay");
    expect(rulesFired("You are Bella, a witty bartender in 1920s Chicago. What's good tonight?")).toContain("named-persona");
  });

  it("does not read a task-setting system prompt as a character to play", () => {
    expect(rulesFired("You are a sentiment classifier. Respond with one word.\n\nText: I loved it")).toContain("task-persona");
    expect(primary("You are a helpful assistant. Translate to German: the shop opens at nine.")).toBe("translation");
  });

  it("answers a question over a pasted passage by extraction", () => {
    const passage = "The lighthouse was built in 1874 by the harbour board and automated in 1962, after its last keeper retired to the village below the cliffs.";
    expect(primary(`According to the text, when was the lighthouse automated?\n\n${passage}`)).toBe("extraction");
  });

  it("knows riddles and odd-one-out items are reasoning", () => {
    expect(primary("What has a face and two hands but no arms or legs?")).toBe("reasoning");
    expect(primary("Which one doesn't belong: oak, pine, rose, maple?")).toBe("reasoning");
  });

  it("does not treat 'translate into logic' as a natural-language translation", () => {
    expect(rulesFired("Translate this argument into propositional logic: if it rains, the match is off.")).toContain("translate-not-language");
  });
});

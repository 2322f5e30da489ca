import { describe, expect, it } from "vitest";
import { checkDraft, draftToInput, EMPTY_DRAFT, serverItemErrors, splitLabels, type SuiteItemDraft } from "./suite-item-draft";

const draft = (patch: Partial<SuiteItemDraft>): SuiteItemDraft => ({ ...EMPTY_DRAFT, prompt: "What is 2 + 2?", ...patch });

describe("checkDraft", () => {
  it("accepts an exact item and leaves blank optional fields out", () => {
    const result = checkDraft(draft({ expected: "4", alternatives: "four\n\n IV " }), "suite_1", "math");
    expect(result).toEqual({
      ok: true,
      data: { suiteId: "suite_1", item: { prompt: "What is 2 + 2?", grader: { kind: "exact", alternatives: ["four", "IV"] }, expected: "4" } },
    });
  });

  it("uses the server schema's messages, keyed like the server's", () => {
    const result = checkDraft(draft({ prompt: " ", id: "bad id!", kind: "label", labels: "spam", expected: "spam" }), "s", "classification");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["item.grader.labels", "item.id", "item.prompt"]);
    expect(result.fieldErrors["item.id"]).toEqual(["use letters, digits, '.', '_' and '-'"]);
  });

  it("applies the server's gradability rules: expected answers, numbers, labels", () => {
    const missing = checkDraft(draft({ kind: "exact", expected: "" }), "s", "math");
    expect(missing).toEqual({ ok: false, fieldErrors: { "item.expected": ["a exact item needs an expected answer"] } });
    const notNumber = checkDraft(draft({ kind: "numeric", expected: "four" }), "s", "math");
    expect(notNumber.ok || notNumber.fieldErrors["item.expected"]).toEqual(['expected answer "four" is not a number']);
    const wrongLabel = checkDraft(draft({ kind: "label", labels: "spam, ham", expected: "eggs" }), "s", "classification");
    expect(wrongLabel.ok || wrongLabel.fieldErrors["item.expected"]).toEqual(['expected label "eggs" is not one of spam, ham']);
  });

  it("parses numeric tolerance and reports text that is not a number at its field", () => {
    const ok = checkDraft(draft({ kind: "numeric", expected: "4", tolerance: "0.5" }), "s", "math");
    expect(ok.ok && ok.data.item.grader).toEqual({ kind: "numeric", tolerance: 0.5 });
    const bad = checkDraft(draft({ kind: "numeric", expected: "4", tolerance: "abc" }), "s", "math");
    expect(bad.ok || bad.fieldErrors["item.grader.tolerance"]).toEqual(["must be a number"]);
  });

  it("builds code cases from JSON text and points at the case that does not parse", () => {
    const cases = [
      { args: "[2, 3]", expected: "5" },
      { args: "2, 3", expected: "5" },
      { args: "{}", expected: "" },
    ];
    const bad = checkDraft(draft({ kind: "code", functionName: "add", cases }), "s", "code");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors["item.grader.cases.1.args"]).toEqual(["is not valid JSON (strings need double quotes)"]);
    expect(bad.fieldErrors["item.grader.cases.2.args"]).toEqual(["must be a JSON array of arguments, such as [2, 3]"]);
    expect(bad.fieldErrors["item.grader.cases.2.expected"]?.[0]).toMatch(/^is required/);
    const good = checkDraft(draft({ kind: "code", functionName: "add", cases: [{ args: "[2, 3]", expected: "5" }] }), "s", "code");
    expect(good.ok && good.data.item.grader).toEqual({ kind: "code", language: "javascript", functionName: "add", cases: [{ args: [2, 3], expected: 5 }] });
    const badName = checkDraft(draft({ kind: "code", functionName: "a.b", cases: [{ args: "[]", expected: "1" }] }), "s", "code");
    expect(badName.ok || badName.fieldErrors["item.grader.functionName"]).toEqual(["must be a plain JavaScript identifier"]);
  });

  it("builds a JSON schema from field rows with types, required flags and expected values", () => {
    const fields = [
      { name: "name", type: "string" as const, required: true, expected: '"Ada"' },
      { name: "age", type: "integer" as const, required: false, expected: "" },
    ];
    const ok = checkDraft(draft({ kind: "json", fields, expected: "ignored" }), "s", "extraction");
    expect(ok.ok && ok.data.item).toEqual({
      prompt: "What is 2 + 2?",
      grader: { kind: "json", schema: { properties: { name: { type: "string" }, age: { type: "integer" } }, required: ["name"] }, expected: { name: "Ada" } },
    });
    const bad = checkDraft(draft({ kind: "json", fields: [{ ...fields[0]!, expected: "Ada" }, { ...fields[1]!, name: "" }, fields[1]!, fields[1]!] }), "s", "extraction");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors["item.grader.expected.name"]).toEqual(["is not valid JSON (strings need double quotes)"]);
    expect(bad.fieldErrors["item.grader.schema"]).toEqual(["field 2 needs a name", 'field "age" is listed twice']);
  });

  it("requires a chrF threshold within 0..100 and a reference", () => {
    const bad = checkDraft(draft({ kind: "chrf", reference: "", threshold: "150" }), "s", "translation");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["item.grader.reference", "item.grader.threshold"]);
    const ok = checkDraft(draft({ kind: "chrf", reference: "Bonjour", threshold: "60" }), "s", "translation");
    expect(ok.ok && ok.data.item.grader).toEqual({ kind: "chrf", reference: "Bonjour", threshold: 60 });
  });

  it("keeps the rubric's extra guidance for rubric items only", () => {
    const ok = checkDraft(draft({ kind: "rubric", criteria: "Polite and under 50 words", rubric: "forgive typos", expected: "x" }), "s", "chat");
    expect(ok.ok && ok.data.item).toEqual({ prompt: "What is 2 + 2?", grader: { kind: "rubric", criteria: "Polite and under 50 words" }, rubric: "forgive typos" });
    expect(draftToInput(draft({ kind: "exact", rubric: "x", expected: "4" }), "s").input.item.rubric).toBeUndefined();
  });
});

describe("splitLabels", () => {
  it("splits on commas and new lines", () => {
    expect(splitLabels("spam, ham\neggs,,")).toEqual(["spam", "ham", "eggs"]);
  });
});

describe("serverItemErrors", () => {
  it("prefixes the item check's paths so they land on the form's fields", () => {
    expect(serverItemErrors({ message: "x", data: { fieldErrors: { expected: ["not a number"], "item.prompt": ["is required"] } } })).toEqual({
      "item.expected": ["not a number"],
      "item.prompt": ["is required"],
    });
  });

  it("puts a duplicate id on the id field", () => {
    expect(serverItemErrors({ message: 'An item with id "a" already exists', data: { code: "CONFLICT", fieldErrors: null } })).toEqual({
      "item.id": ['An item with id "a" already exists'],
    });
    expect(serverItemErrors(null)).toEqual({});
  });
});

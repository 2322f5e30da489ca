import type { z } from "zod";
import { addSuiteItemSchema } from "@/server/api/schemas/discovery";
import { itemProblems } from "@/server/orchestrator/discovery";
import type { Capability } from "@/server/orchestrator/spec";
import { fieldErrorsOf, validate, type ApiErrorLike, type FieldErrors, type Validated } from "@/components/shared/errors";

export const GRADER_KINDS = ["exact", "numeric", "label", "code", "json", "chrf", "rubric"] as const;
export type GraderKindId = (typeof GRADER_KINDS)[number];

export const JSON_TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"] as const;
export type JsonType = (typeof JSON_TYPES)[number];

export const GRADER_HELP: Record<GraderKindId, string> = {
  exact: "The answer must match the expected text (case and spacing ignored); list other accepted spellings.",
  numeric: "The final number in the answer must be within the tolerance of the expected number.",
  label: "The answer must be one label from the list: the expected one.",
  code: "The answer's JavaScript function is run in a sandbox against test cases.",
  json: "The answer must be a JSON object with these fields and types, and the expected values.",
  chrf: "Character n-gram overlap (chrF, 0–100) with a reference text must reach the threshold.",
  rubric: "A judge model checks the answer against your criteria.",
};

export interface CodeCaseDraft {
  /** a JSON array of arguments: [2, 3] */
  args: string;
  /** a JSON value: 5 */
  expected: string;
}

export interface JsonFieldDraft {
  name: string;
  type: JsonType;
  required: boolean;
  /** a JSON value the answer's field must equal; blank for "any" */
  expected: string;
}

/** The add-item form as typed: everything text, one set of fields per grader kind. */
export interface SuiteItemDraft {
  kind: GraderKindId;
  id: string;
  prompt: string;
  expected: string;
  /** one per line */
  alternatives: string;
  tolerance: string;
  /** one per line or comma-separated */
  labels: string;
  functionName: string;
  cases: CodeCaseDraft[];
  fields: JsonFieldDraft[];
  reference: string;
  threshold: string;
  criteria: string;
  rubric: string;
}

export const EMPTY_CASE: CodeCaseDraft = { args: "", expected: "" };
export const EMPTY_FIELD: JsonFieldDraft = { name: "", type: "string", required: true, expected: "" };

export const EMPTY_DRAFT: SuiteItemDraft = {
  kind: "exact",
  id: "",
  prompt: "",
  expected: "",
  alternatives: "",
  tolerance: "0",
  labels: "",
  functionName: "",
  cases: [EMPTY_CASE],
  fields: [EMPTY_FIELD],
  reference: "",
  threshold: "50",
  criteria: "",
  rubric: "",
};

/** Which error keys each kind shows next to a field; anything else goes to the top of the form. */
export const SHOWN_FIELDS: Record<GraderKindId, readonly string[]> = {
  exact: ["item.expected", "item.grader.alternatives"],
  numeric: ["item.expected", "item.grader.tolerance"],
  label: ["item.expected", "item.grader.labels"],
  code: ["item.grader.functionName", "item.grader.cases"],
  json: ["item.expected", "item.grader.schema", "item.grader.expected"],
  chrf: ["item.grader.reference", "item.grader.alternatives", "item.grader.threshold"],
  rubric: ["item.grader.criteria", "item.rubric"],
};
export const COMMON_FIELDS = ["item.id", "item.prompt", "item.grader.kind"] as const;

const blank = (s: string) => s.trim() === "";
const optionalText = (s: string) => (blank(s) ? undefined : s.trim());

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

function listOrUndefined(text: string): string[] | undefined {
  const list = lines(text);
  return list.length ? list : undefined;
}

export function splitLabels(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: "is not valid JSON (strings need double quotes)" };
  }
}

function parseNumber(text: string, errors: FieldErrors, key: string): number | undefined {
  if (blank(text)) {
    errors[key] = ["is required"];
    return undefined;
  }
  const n = Number(text);
  if (!Number.isFinite(n)) {
    errors[key] = ["must be a number"];
    return undefined;
  }
  return n;
}

function graderOf(draft: SuiteItemDraft, errors: FieldErrors): Record<string, unknown> {
  switch (draft.kind) {
    case "exact":
      return { kind: "exact", alternatives: listOrUndefined(draft.alternatives) };
    case "numeric":
      return { kind: "numeric", tolerance: blank(draft.tolerance) ? 0 : parseNumber(draft.tolerance, errors, "item.grader.tolerance") };
    case "label":
      return { kind: "label", labels: splitLabels(draft.labels) };
    case "code": {
      const cases = draft.cases.map((c, i) => {
        const key = `item.grader.cases.${i}`;
        let args: unknown;
        let expected: unknown;
        if (blank(c.args)) errors[`${key}.args`] = ["is required: a JSON array such as [2, 3]"];
        else {
          const parsed = parseJson(c.args);
          if (!parsed.ok) errors[`${key}.args`] = [parsed.message];
          else if (!Array.isArray(parsed.value)) errors[`${key}.args`] = ["must be a JSON array of arguments, such as [2, 3]"];
          else args = parsed.value;
        }
        if (blank(c.expected)) errors[`${key}.expected`] = ["is required: a JSON value such as 5 or \"abc\""];
        else {
          const parsed = parseJson(c.expected);
          if (!parsed.ok) errors[`${key}.expected`] = [parsed.message];
          else expected = parsed.value;
        }
        return { args, expected };
      });
      return { kind: "code", functionName: draft.functionName.trim(), cases };
    }
    case "json": {
      const properties: Record<string, { type: JsonType }> = {};
      const required: string[] = [];
      const expected: Record<string, unknown> = {};
      const problems: string[] = [];
      draft.fields.forEach((f, i) => {
        const name = f.name.trim();
        if (!name) return problems.push(`field ${i + 1} needs a name`);
        if (properties[name]) return problems.push(`field "${name}" is listed twice`);
        properties[name] = { type: f.type };
        if (f.required) required.push(name);
        if (!blank(f.expected)) {
          const parsed = parseJson(f.expected);
          if (parsed.ok) expected[name] = parsed.value;
          else errors[`item.grader.expected.${name}`] = [parsed.message];
        }
      });
      if (draft.fields.length === 0) problems.push("add at least one field");
      if (problems.length) errors["item.grader.schema"] = problems;
      return { kind: "json", schema: { properties, required }, expected };
    }
    case "chrf":
      return {
        kind: "chrf",
        reference: draft.reference,
        alternatives: listOrUndefined(draft.alternatives),
        threshold: parseNumber(draft.threshold, errors, "item.grader.threshold"),
      };
    case "rubric":
      return { kind: "rubric", criteria: draft.criteria };
  }
}

/** The form's text as the API's input, plus the errors of what could not even be parsed (JSON, numbers). */
export function draftToInput(draft: SuiteItemDraft, suiteId: string): { input: { suiteId: string; item: Record<string, unknown> }; parseErrors: FieldErrors } {
  const parseErrors: FieldErrors = {};
  const keyed = draft.kind === "exact" || draft.kind === "numeric" || draft.kind === "label";
  const item: Record<string, unknown> = {
    prompt: draft.prompt,
    grader: graderOf(draft, parseErrors),
    expected: keyed ? optionalText(draft.expected) : undefined,
    rubric: draft.kind === "rubric" ? optionalText(draft.rubric) : undefined,
    id: optionalText(draft.id),
  };
  return { input: { suiteId, item }, parseErrors };
}

export type AddSuiteItemInput = z.output<typeof addSuiteItemSchema>;

/**
 * The whole client-side check: parse the text, validate with the server's own schema, then the same
 * gradability rules the server applies (an expected answer that is a number, a label from the list…).
 */
export function checkDraft(draft: SuiteItemDraft, suiteId: string, capability: Capability): Validated<AddSuiteItemInput> {
  const { input, parseErrors } = draftToInput(draft, suiteId);
  const checked = validate(addSuiteItemSchema, input);
  if (!checked.ok) return { ok: false, fieldErrors: { ...checked.fieldErrors, ...parseErrors } };
  if (Object.keys(parseErrors).length) return { ok: false, fieldErrors: parseErrors };
  const problems = itemProblems({ ...checked.data.item, id: checked.data.item.id ?? "new", capability });
  if (problems.length) return { ok: false, fieldErrors: { "item.expected": problems } };
  return checked;
}

/**
 * The server's errors keyed like the form's fields: its schema errors already are ("item.grader.labels");
 * the item check names paths inside the item ("expected"), and a duplicate id is a conflict with no field.
 */
export function serverItemErrors(error: ApiErrorLike | null | undefined): FieldErrors {
  if (!error) return {};
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fieldErrorsOf(error))) {
    const full = key === "_" || key === "suiteId" || key === "item" || key.startsWith("item.") ? key : `item.${key}`;
    out[full] = messages;
  }
  if (error.data?.code === "CONFLICT" && !Object.keys(out).length) out["item.id"] = [error.message];
  return out;
}

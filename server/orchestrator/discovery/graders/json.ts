import type { JsonFieldType, JsonValue } from "../suite-types";
import { extractJsonObject } from "./json-extract";
import { normaliseText } from "./normalise";
import { verdict, type Grader } from "./ports";

function hasType(value: JsonValue, type: JsonFieldType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "null":
      return value === null;
  }
}

/**
 * Expected values match leniently where formatting is not the skill under test: strings ignore case,
 * accents and surrounding punctuation; numbers match within 1e-9, or as a numeric string ("34" for 34).
 * Whether the type itself was right is a separate check.
 */
export function valuesMatch(actual: JsonValue | undefined, expected: JsonValue): boolean {
  if (actual === undefined) return false;
  if (typeof expected === "number") {
    const n = typeof actual === "string" ? Number(actual.replace(/[,$€£\s]/g, "")) : actual;
    return typeof n === "number" && Math.abs(n - expected) < 1e-9;
  }
  if (typeof expected === "string") return typeof actual === "string" && normaliseText(actual) === normaliseText(expected);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => valuesMatch(actual[i], e));
  }
  if (expected !== null && typeof expected === "object") {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => valuesMatch(actual[k], v));
  }
  return actual === expected;
}

/**
 * The first JSON object in the reply must have every required field, the declared type for each field
 * present, and the expected values. Score is the share of these checks passed, so a reply that gets the
 * shape right but one value wrong earns partial credit and still fails.
 */
export const gradeJson: Grader<"json"> = async (item, response) => {
  const object = extractJsonObject(response);
  if (!object) return verdict(false, 0, "no JSON object in the reply");
  const { schema, expected } = item.grader;
  const failures: string[] = [];
  let checks = 0;
  for (const name of schema.required) {
    checks++;
    if (!(name in object)) failures.push(`missing "${name}"`);
  }
  for (const [name, { type }] of Object.entries(schema.properties)) {
    const value = object[name];
    if (value === undefined) continue;
    checks++;
    if (!hasType(value, type)) failures.push(`"${name}" is not ${type}`);
  }
  for (const [name, value] of Object.entries(expected)) {
    checks++;
    if (!valuesMatch(object[name], value)) failures.push(`"${name}" is ${JSON.stringify(object[name] ?? null)}, expected ${JSON.stringify(value)}`);
  }
  if (checks === 0) return verdict(true, 1, "a JSON object (no fields to check)");
  const score = (checks - failures.length) / checks;
  return verdict(failures.length === 0, score, failures.length === 0 ? `all ${checks} checks passed` : failures.join("; "));
};

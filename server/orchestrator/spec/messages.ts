import { z } from "zod";

const count = (n: number | bigint) => (typeof n === "bigint" ? n.toString() : n.toLocaleString("en"));

const TYPE_NAMES: Record<string, string> = { string: "text", number: "a number", int: "a whole number", boolean: "true or false", array: "a list", object: "an object", date: "a date" };

const UNITS: Record<string, [string, string]> = { string: ["character", "characters"], array: ["item", "items"], set: ["item", "items"], file: ["byte", "bytes"] };

function limit(origin: string, n: number | bigint): string {
  const unit = UNITS[origin];
  return unit ? `${count(n)} ${n === 1 || n === 1n ? unit[0] : unit[1]}` : count(n);
}

/**
 * Zod's default wording ("Too big: expected number to be <=1", "Invalid input: expected number, received NaN") in the
 * voice of the schemas' own messages ("must be at most 1"), for every check that does not carry its own. The form
 * shows it under the field and the API prefixes the field's path, so the message names the limit, not the field.
 * Undefined: zod's own message (codes too rare to phrase here).
 */
export function defaultMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "is required";
      if (typeof issue.input === "number" && Number.isNaN(issue.input)) return "must be a number";
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    }
    case "too_small": {
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "is required";
      if (issue.exact) return `must be exactly ${limit(issue.origin, issue.minimum)}`;
      if (issue.origin === "array" || issue.origin === "set") return `must have at least ${limit(issue.origin, issue.minimum)}`;
      return issue.inclusive === false ? `must be more than ${limit(issue.origin, issue.minimum)}` : `must be at least ${limit(issue.origin, issue.minimum)}`;
    }
    case "too_big": {
      if (issue.exact) return `must be exactly ${limit(issue.origin, issue.maximum)}`;
      if (issue.origin === "array" || issue.origin === "set") return `must have at most ${limit(issue.origin, issue.maximum)}`;
      return issue.inclusive === false ? `must be less than ${limit(issue.origin, issue.maximum)}` : `must be at most ${limit(issue.origin, issue.maximum)}`;
    }
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" ? "has an invalid format" : `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}`;
    default:
      return undefined;
  }
}

// Process-wide (and browser-wide: the forms validate with the same schemas), set once by importing the spec.
z.config({ customError: defaultMessage });

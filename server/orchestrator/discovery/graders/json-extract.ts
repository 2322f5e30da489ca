import type { JsonValue } from "../suite-types";

export type JsonObject = { [key: string]: JsonValue };

function parseObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/** Index just past the `}` that closes the `{` at `start`, skipping braces inside strings; -1 if unclosed. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * The first JSON object a reply contains: a fenced block first (models wrap JSON in ```json fences even
 * when told not to), then the whole reply, then the first balanced `{…}` in prose that parses.
 */
export function extractJsonObject(response: string): JsonObject | undefined {
  for (const match of response.matchAll(/```[\w-]*[^\n]*\n([\s\S]*?)```/g)) {
    const parsed = parseObject((match[1] ?? "").trim());
    if (parsed) return parsed;
  }
  const whole = parseObject(response.trim());
  if (whole) return whole;
  for (let start = response.indexOf("{"); start !== -1; start = response.indexOf("{", start + 1)) {
    const end = closingBrace(response, start);
    if (end === -1) return undefined;
    const parsed = parseObject(response.slice(start, end));
    if (parsed) return parsed;
  }
  return undefined;
}

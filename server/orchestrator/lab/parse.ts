import type { z } from "zod";
import { InvalidInputError } from "../errors";
import { checkConsistency, issueText, type LabLines } from "./prepare";
import { labItemSchema, labModelSchema, labOutcomeSchema, type LabDataset, type LabModel } from "./types";

export const LAB_FILES = ["items.jsonl", "outcomes.jsonl", "models.json"] as const;
export type LabFileName = (typeof LAB_FILES)[number];
export type LabFiles = Record<LabFileName, string>;

/** A UTF-8 byte-order mark (Windows editors write one) is not part of the JSON. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Errors name the file and the line, so a user can fix an export without guessing: "items.jsonl line 12: prompt: …". */
function fail(where: string, detail: string): never {
  throw new InvalidInputError(where, detail);
}

interface Rows<T> {
  rows: T[];
  /** the 1-based file line of each row */
  lines: number[];
}

function parseJsonl<S extends z.ZodType>(file: LabFileName, text: string, schema: S): Rows<z.output<S>> {
  const out: Rows<z.output<S>> = { rows: [], lines: [] };
  stripBom(text)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        fail(`${file} line ${i + 1}`, "not valid JSON");
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) fail(`${file} line ${i + 1}`, issueText(parsed.error));
      out.rows.push(parsed.data);
      out.lines.push(i + 1);
    });
  if (out.rows.length === 0) fail(file, "is empty");
  return out;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line each element of a top-level JSON array starts on (the text has already parsed as JSON). */
function elementLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === "\n") line++;
    if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") continue;
    if (depth === 1 && expectElement && ch !== "]") {
      starts.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth === 1) expectElement = ch === "[";
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 1) expectElement = true;
  }
  return starts;
}

function parseModels(input: string): Rows<LabModel> {
  const text = stripBom(input);
  if (text.trim() === "") fail("models.json", "is empty");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // V8 names the offset of most syntax errors ("… in JSON at position 57"): turn it into a line
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "");
    fail(position ? `models.json line ${lineAt(text, Number(position[1]))}` : "models.json", "not valid JSON");
  }
  if (!Array.isArray(raw)) fail("models.json", 'must be a list of models: [{ "id", "inputUsdPerMTok", "outputUsdPerMTok" }, …]');
  if (raw.length === 0) fail("models.json", "needs at least one model");
  const starts = elementLines(text);
  const out: Rows<LabModel> = { rows: [], lines: [] };
  raw.forEach((value: unknown, i) => {
    const line = starts[i] ?? 1;
    const parsed = labModelSchema.safeParse(value);
    if (!parsed.success) {
      // several models on one line (a compact file): say which
      const shared = starts.filter((l) => l === line).length > 1;
      fail(`models.json line ${line}${shared ? ` (model ${i + 1})` : ""}`, issueText(parsed.error));
    }
    out.rows.push(parsed.data);
    out.lines.push(line);
  });
  return out;
}

/**
 * The three files' text → a validated data set: every line against its schema, then the rules across rows and files
 * (checkConsistency: duplicates, unknown items and models), each error naming the file and line.
 */
export function parseLabFiles(files: LabFiles): LabDataset {
  const items = parseJsonl("items.jsonl", files["items.jsonl"], labItemSchema);
  const outcomes = parseJsonl("outcomes.jsonl", files["outcomes.jsonl"], labOutcomeSchema);
  const models = parseModels(files["models.json"]);
  const data: LabDataset = { items: items.rows, outcomes: outcomes.rows, models: models.rows };
  const lines: LabLines = { items: items.lines, outcomes: outcomes.lines, models: models.lines };
  checkConsistency(data, lines);
  return data;
}

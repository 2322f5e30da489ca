import type { z } from "zod";
import { InvalidInputError } from "../errors";
import { labItemSchema, labModelsSchema, labOutcomeSchema, type LabDataset } from "./types";

export const LAB_FILES = ["items.jsonl", "outcomes.jsonl", "models.json"] as const;
export type LabFileName = (typeof LAB_FILES)[number];
export type LabFiles = Record<LabFileName, string>;

function issueText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ");
}

/** Errors name the file and the line, so a user can fix an export without guessing. */
function fail(file: LabFileName, where: string, detail: string): never {
  throw new InvalidInputError(file, `${file}${where}: ${detail}`);
}

function parseJsonl<S extends z.ZodType>(file: LabFileName, text: string, schema: S): z.output<S>[] {
  const rows: z.output<S>[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      fail(file, ` line ${i + 1}`, "not valid JSON");
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) fail(file, ` line ${i + 1}`, issueText(parsed.error));
    rows.push(parsed.data);
  });
  if (rows.length === 0) fail(file, "", "is empty");
  return rows;
}

/** The three files' text → a validated data set (cross-file checks happen in prepare()). */
export function parseLabFiles(files: LabFiles): LabDataset {
  const items = parseJsonl("items.jsonl", files["items.jsonl"], labItemSchema);
  const outcomes = parseJsonl("outcomes.jsonl", files["outcomes.jsonl"], labOutcomeSchema);
  let raw: unknown;
  try {
    raw = JSON.parse(files["models.json"]);
  } catch {
    fail("models.json", "", "not valid JSON");
  }
  const models = labModelsSchema.safeParse(raw);
  if (!models.success) fail("models.json", "", issueText(models.error));
  const known = new Set(items.map((i) => i.id));
  const modelIds = new Set(models.data.map((m) => m.id));
  outcomes.forEach((o, i) => {
    if (!known.has(o.id)) fail("outcomes.jsonl", ` row ${i + 1}`, `item "${o.id}" is not in items.jsonl`);
    if (!modelIds.has(o.model)) fail("outcomes.jsonl", ` row ${i + 1}`, `model "${o.model}" is not in models.json`);
  });
  return { items, outcomes, models: models.data };
}

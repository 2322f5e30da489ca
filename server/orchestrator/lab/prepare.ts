import { z } from "zod";
import { InvalidInputError } from "../errors";
import "../spec/messages"; // the project's wording of zod's messages ("is required", "must be a number"), in every entry point
import type { TaskRequirements } from "../spec";
import { answerKey } from "./agree";
import { splitOf, type LabSplit } from "./split";
import { labModelSchema, type LabDataset, type LabModel } from "./types";

export const LAB_PARTS = { items: "items.jsonl", outcomes: "outcomes.jsonl", models: "models.json" } as const;
export type LabPart = keyof typeof LAB_PARTS;
/** The file line each row came from, when the data was read from files (parse.ts). */
export type LabLines = Record<LabPart, readonly number[]>;

export function issueText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ");
}

/** "items.jsonl line 28" for rows read from files; "items row 25" for data built in memory (Ensemble's history). */
function where(part: LabPart, index: number, lines: LabLines | undefined): string {
  return lines ? `${LAB_PARTS[part]} line ${lines[part][index]}` : `${part} row ${index + 1}`;
}

function firstAt(part: LabPart, index: number, lines: LabLines | undefined): string {
  return lines ? `first on line ${lines[part][index]}` : `first in row ${index + 1}`;
}

/**
 * Every rule that holds across rows: prices within the roster's bounds, no duplicate model or item, no duplicate
 * (item, model) outcome, no outcome for an unknown item or model. Any of these silently dropped or overwritten
 * would change the figures, so each is an error naming the file and line (and where a duplicate first appeared).
 * parseLabFiles() runs it on every import and every read of a stored set; prepare() runs it again before a run,
 * on data from any source, so import and run cannot disagree.
 */
export function checkConsistency(data: LabDataset, lines?: LabLines): void {
  const modelAt = new Map<string, number>();
  data.models.forEach((m, i) => {
    const row = labModelSchema.safeParse(m);
    if (!row.success) throw new InvalidInputError(where("models", i, lines), issueText(row.error));
    const first = modelAt.get(m.id);
    if (first !== undefined) throw new InvalidInputError(where("models", i, lines), `id: duplicate model id "${m.id}" (${firstAt("models", first, lines)})`);
    modelAt.set(m.id, i);
  });
  const itemAt = new Map<string, number>();
  data.items.forEach((item, i) => {
    const first = itemAt.get(item.id);
    if (first !== undefined) throw new InvalidInputError(where("items", i, lines), `id: duplicate item id "${item.id}" (${firstAt("items", first, lines)})`);
    itemAt.set(item.id, i);
  });
  const outcomeAt = new Map<string, number>();
  data.outcomes.forEach((o, i) => {
    if (!itemAt.has(o.id)) throw new InvalidInputError(where("outcomes", i, lines), `id: item "${o.id}" is not in items.jsonl`);
    if (!modelAt.has(o.model)) throw new InvalidInputError(where("outcomes", i, lines), `model: model "${o.model}" is not in models.json`);
    const key = `${o.id}\u0000${o.model}`;
    const first = outcomeAt.get(key);
    if (first !== undefined) {
      throw new InvalidInputError(where("outcomes", i, lines), `duplicate outcome for item "${o.id}" and model "${o.model}" (${firstAt("outcomes", first, lines)})`);
    }
    outcomeAt.set(key, i);
  });
}

/** Tuning reads one half of the split and every policy is scored on the other (evaluate.ts): both need items. */
export function checkRunnable(data: LabDataset): void {
  const halves = new Set(data.items.map((i) => splitOf(i.id)));
  if (halves.size < 2) {
    const n = data.items.length;
    throw new InvalidInputError(
      "items",
      `all ${n} item${n === 1 ? "" : "s"} fall in the same half of the split (each id's hash decides its half); the lab tunes on one half and scores on the other — add items`,
    );
  }
}

/** Everything a run checks before it analyses a prompt: what an import checks too (parse, the item minimum, this). */
export function validateDataset(data: LabDataset, lines?: LabLines): void {
  checkConsistency(data, lines);
  checkRunnable(data);
}

/** One model's recorded call on one item, priced. */
export interface Call {
  correct: boolean;
  answer: string | null;
  /** answerKey(answer), computed once: what agreement compares */
  key: string | null;
  costUsd: number;
  /** the recorded output length: observable once the call has returned (answer-level features), never before */
  outputChars?: number;
}

/** Cheap counts over the prompt, available before any model is called (the learned gate's prompt features). */
export interface PromptStats {
  chars: number;
  digits: number;
  /** LaTeX commands and math-mode markers: MATH-style problems */
  latex: number;
  /** Python keywords: code-reading problems */
  codeWords: number;
}

export function promptStats(prompt: string): PromptStats {
  return {
    chars: prompt.length,
    digits: (prompt.match(/\d/g) ?? []).length,
    latex: (prompt.match(/\\[a-zA-Z]+|\$/g) ?? []).length,
    codeWords: (prompt.match(/\b(?:def|return|for|while|if|else|in|len|range)\b/g) ?? []).length,
  };
}

export interface PreparedItem {
  id: string;
  family: string;
  split: LabSplit;
  /** the analyzer's view of the prompt: what Ensemble's routing would see */
  requirements: TaskRequirements;
  /** absent on hand-built items (tests): the learned gate then sees zeros */
  prompt?: PromptStats;
  /** by model id; a model with no recorded outcome is unavailable for this item */
  calls: Map<string, Call>;
}

export interface PreparedData {
  items: PreparedItem[];
  models: LabModel[];
}

/** ~4 characters per token, the same rule for prompt and output, so every model is priced alike. */
export const CHARS_PER_TOKEN = 4;

export function callCostUsd(model: LabModel, promptChars: number, outputChars: number): number {
  return ((promptChars / CHARS_PER_TOKEN) * model.inputUsdPerMTok + (outputChars / CHARS_PER_TOKEN) * model.outputUsdPerMTok) / 1_000_000;
}

/**
 * Joins the three files and analyses every prompt once. `analyze` is injected (the service passes
 * Ensemble's analyzer) so the lab replays exactly the requirements production routing would compute.
 * validateDataset() runs first: duplicates and outcomes for unknown items or models are errors, since a
 * silently dropped row would change the figures.
 */
export function prepare(data: LabDataset, analyze: (prompt: string) => TaskRequirements): PreparedData {
  validateDataset(data);
  const models = new Map(data.models.map((m) => [m.id, m]));
  const prompts = new Map<string, number>();
  const items: PreparedItem[] = [];
  const byId = new Map<string, PreparedItem>();
  for (const item of data.items) {
    const prepared: PreparedItem = { id: item.id, family: item.family, split: splitOf(item.id), requirements: analyze(item.prompt), prompt: promptStats(item.prompt), calls: new Map() };
    prompts.set(item.id, item.prompt.length);
    byId.set(item.id, prepared);
    items.push(prepared);
  }
  for (const o of data.outcomes) {
    // validateDataset() proved both exist
    const item = byId.get(o.id) as PreparedItem;
    const model = models.get(o.model) as LabModel;
    item.calls.set(o.model, { correct: o.correct, answer: o.answer, key: answerKey(o.answer), costUsd: callCostUsd(model, prompts.get(o.id) ?? 0, o.outputChars), outputChars: o.outputChars });
  }
  return { items, models: data.models };
}

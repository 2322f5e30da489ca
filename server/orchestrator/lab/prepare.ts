import { InvalidInputError } from "../errors";
import type { TaskRequirements } from "../spec";
import { answerKey } from "./agree";
import { splitOf, type LabSplit } from "./split";
import type { LabDataset, LabModel } from "./types";

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
 * Outcomes for unknown items or models are errors: a silently dropped row would change the figures.
 */
export function prepare(data: LabDataset, analyze: (prompt: string) => TaskRequirements): PreparedData {
  const models = new Map(data.models.map((m) => [m.id, m]));
  const prompts = new Map<string, number>();
  const items: PreparedItem[] = [];
  const byId = new Map<string, PreparedItem>();
  for (const item of data.items) {
    if (byId.has(item.id)) throw new InvalidInputError("items", `duplicate item id "${item.id}"`);
    const prepared: PreparedItem = { id: item.id, family: item.family, split: splitOf(item.id), requirements: analyze(item.prompt), prompt: promptStats(item.prompt), calls: new Map() };
    prompts.set(item.id, item.prompt.length);
    byId.set(item.id, prepared);
    items.push(prepared);
  }
  for (const o of data.outcomes) {
    const item = byId.get(o.id);
    if (!item) throw new InvalidInputError("outcomes", `outcome for unknown item "${o.id}"`);
    const model = models.get(o.model);
    if (!model) throw new InvalidInputError("outcomes", `outcome for model "${o.model}", which models.json does not list`);
    item.calls.set(o.model, { correct: o.correct, answer: o.answer, key: answerKey(o.answer), costUsd: callCostUsd(model, prompts.get(o.id) ?? 0, o.outputChars), outputChars: o.outputChars });
  }
  return { items, models: data.models };
}

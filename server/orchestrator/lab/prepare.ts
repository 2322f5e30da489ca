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
}

export interface PreparedItem {
  id: string;
  family: string;
  split: LabSplit;
  /** the analyzer's view of the prompt: what Ensemble's routing would see */
  requirements: TaskRequirements;
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
    const prepared: PreparedItem = { id: item.id, family: item.family, split: splitOf(item.id), requirements: analyze(item.prompt), calls: new Map() };
    prompts.set(item.id, item.prompt.length);
    byId.set(item.id, prepared);
    items.push(prepared);
  }
  for (const o of data.outcomes) {
    const item = byId.get(o.id);
    if (!item) throw new InvalidInputError("outcomes", `outcome for unknown item "${o.id}"`);
    const model = models.get(o.model);
    if (!model) throw new InvalidInputError("outcomes", `outcome for model "${o.model}", which models.json does not list`);
    item.calls.set(o.model, { correct: o.correct, answer: o.answer, key: answerKey(o.answer), costUsd: callCostUsd(model, prompts.get(o.id) ?? 0, o.outputChars) });
  }
  return { items, models: data.models };
}

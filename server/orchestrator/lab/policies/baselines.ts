import { createSeededRandom } from "../../random";
import { DEFAULT_OUTPUT_TOKENS } from "../../routing";
import { NO_ANSWER, type Decision } from "../decision";
import type { PreparedItem } from "../prepare";
import type { LabModel } from "../types";

/** A model that has no recorded outcome on an item did not answer it: wrong, and nothing paid. */
export function single(modelId: string, items: readonly PreparedItem[]): Decision[] {
  return items.map((item) => {
    const call = item.calls.get(modelId);
    return call ? { correct: call.correct, costUsd: call.costUsd, models: [modelId] } : NO_ANSWER;
  });
}

/**
 * Expected cost before the call, from the analyzer's token estimates (never from the recorded output length:
 * a router cannot know it in advance).
 */
export function expectedCostUsd(model: LabModel, item: PreparedItem): number {
  const r = item.requirements;
  const out = r.expectedOutputTokens ?? DEFAULT_OUTPUT_TOKENS[r.format];
  return (r.inputTokens * model.inputUsdPerMTok + out * model.outputUsdPerMTok) / 1_000_000;
}

/** The model with the lowest expected cost among those that answered this item. */
export function cheapest(items: readonly PreparedItem[], models: readonly LabModel[]): Decision[] {
  return items.map((item) => {
    let best: LabModel | undefined;
    for (const m of models) {
      if (item.calls.has(m.id) && (!best || expectedCostUsd(m, item) < expectedCostUsd(best, item))) best = m;
    }
    return best ? single(best.id, [item])[0] ?? NO_ANSWER : NO_ANSWER;
  });
}

/** Uniform over the models that answered the item, from a seeded stream (the same seed replays the same run). */
export function random(items: readonly PreparedItem[], seed: number): Decision[] {
  const rng = createSeededRandom(seed);
  return items.map((item) => {
    const ids = [...item.calls.keys()];
    const id = ids[Math.floor(rng.next() * ids.length)];
    return id === undefined ? NO_ANSWER : (single(id, [item])[0] ?? NO_ANSWER);
  });
}

/** Hindsight: the cheapest model that was right (by what it actually cost), else the cheapest of all. An upper bound. */
export function oracle(items: readonly PreparedItem[]): Decision[] {
  return items.map((item) => {
    let right: [string, number] | undefined;
    let any: [string, number] | undefined;
    for (const [id, call] of item.calls) {
      if (call.correct && (!right || call.costUsd < right[1])) right = [id, call.costUsd];
      if (!any || call.costUsd < any[1]) any = [id, call.costUsd];
    }
    const pick = right ?? any;
    return pick ? { correct: right !== undefined, costUsd: pick[1], models: [pick[0]] } : NO_ANSWER;
  });
}

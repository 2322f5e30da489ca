import type { PreparedItem } from "./prepare";
import { cascade, type CascadeConfig } from "./policies/cascade";
import { single } from "./policies/baselines";
import type { LabModel } from "./types";

export interface Scored<T> {
  config: T;
  accuracy: number;
  costUsd: number;
}

/** How many of the cheapest models (by cost on the tuning split) may form the cheap pair. */
export const CHEAP_POOL = 6;

function score(decisions: readonly { correct: boolean; costUsd: number }[]): { accuracy: number; costUsd: number } {
  let right = 0;
  let cost = 0;
  for (const d of decisions) {
    if (d.correct) right++;
    cost += d.costUsd;
  }
  return { accuracy: decisions.length ? right / decisions.length : 0, costUsd: cost };
}

export function scoreSingles(items: readonly PreparedItem[], models: readonly LabModel[]): Scored<string>[] {
  return models.map((m) => ({ config: m.id, ...score(single(m.id, items)) }));
}

/**
 * Every cascade over the data's models on the tuning items: the cheap pair from the CHEAP_POOL cheapest, a middle
 * and a top tier from any model (or none). The hyper-parameters the lab tunes are exactly these choices — which
 * models count as cheap, and whom to escalate to.
 */
export function scoreCascades(items: readonly PreparedItem[], models: readonly LabModel[]): Scored<CascadeConfig>[] {
  const singles = scoreSingles(items, models).sort((a, b) => a.costUsd - b.costUsd);
  const pool = singles.slice(0, CHEAP_POOL).map((s) => s.config);
  const ids = models.map((m) => m.id);
  const out: Scored<CascadeConfig>[] = [];
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j++) {
      const cheap = [pool[i], pool[j]] as [string, string];
      for (const middle of [undefined, ...ids]) {
        if (middle !== undefined && cheap.includes(middle)) continue;
        for (const top of [undefined, ...ids]) {
          if (top !== undefined && (cheap.includes(top) || top === middle)) continue;
          const config: CascadeConfig = { cheap, middle, top };
          out.push({ config, ...score(cascade(items, config)) });
        }
      }
    }
  }
  return out;
}

/** The most accurate candidate spending at most `budgetUsd` (ties: the cheaper); undefined if none fits. */
export function bestWithin<T>(scored: readonly Scored<T>[], budgetUsd: number): Scored<T> | undefined {
  let best: Scored<T> | undefined;
  for (const s of scored) {
    if (s.costUsd > budgetUsd) continue;
    if (!best || s.accuracy > best.accuracy || (s.accuracy === best.accuracy && s.costUsd < best.costUsd)) best = s;
  }
  return best;
}

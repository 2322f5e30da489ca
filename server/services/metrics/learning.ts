import type { Db } from "@/db/client";
import type { MetricWindow } from "./ranges";
import { settledInstantCache } from "./past-cache";
import { statement } from "./statements";

/** Mean |profile mean − hidden skill| at an instant, over simulated models (the only ones whose truth is known). */
export interface LearningPoint {
  t: number;
  meanAbsError: number | null;
  /** (model, capability) pairs that had a profile point by then */
  points: number;
}

export type SkillsOf = (modelId: string) => Record<string, number> | null;

/** Index seeks per read: samples × (model, capability) pairs stays under this whatever the roster size. */
const SEEK_BUDGET = 6_000;
const MAX_SAMPLES = 12;

// For every (sample instant, pair): the pair's latest non-manual history point before the instant, one
// seek on profile_history_model_idx (model_id, capability, at). Manual overrides are an operator's word,
// not learning, so they are skipped. Truths come in as JSON, so the whole curve is one statement.
const SQL = `
  SELECT s.value AS t, avg(abs(h.mean - p.value ->> '$[2]')) AS err, count(h.mean) AS n
  FROM json_each(@samples) s CROSS JOIN json_each(@pairs) p
  LEFT JOIN profile_history h ON h.id = (
    SELECT id FROM profile_history
    WHERE model_id = p.value ->> '$[0]' AND capability = p.value ->> '$[1]' AND at < s.value AND source != 'manual'
    ORDER BY at DESC LIMIT 1)
  GROUP BY s.value ORDER BY s.value`;

/** The sample instants: bucket ends, thinned evenly so samples × pairs stays within SEEK_BUDGET. */
export function sampleInstants(window: MetricWindow, pairs: number): number[] {
  const count = Math.max(2, Math.min(window.buckets, MAX_SAMPLES, Math.floor(SEEK_BUDGET / Math.max(1, pairs))));
  return Array.from({ length: count }, (_, i) => window.from + Math.round(((i + 1) * window.buckets) / count) * window.bucketMs);
}

/**
 * Learning effectiveness as a curve: at each sample instant of the window, how far the simulated models'
 * current profiles (the latest history point of each capability) are from their hidden true skills.
 * Falling means learning converges to the truth.
 */
export function learningEffectiveness(
  db: Db,
  window: MetricWindow,
  modelIds: readonly string[],
  skillsOf: SkillsOf,
  now: number = Date.now(),
): LearningPoint[] {
  const pairs: [string, string, number][] = [];
  for (const model of modelIds) {
    const skills = skillsOf(model);
    if (!skills) continue;
    for (const [capability, truth] of Object.entries(skills)) pairs.push([model, capability, truth]);
  }
  const samples = sampleInstants(window, pairs.length);
  if (pairs.length === 0) return samples.map((t) => ({ t, meanAbsError: null, points: 0 }));
  const pairsJson = JSON.stringify(pairs);
  const cache = settledInstantCache<LearningPoint>(db);
  const keyOf = (t: number) => `learning|${pairsJson}|${t}`;
  const open = samples.filter((t) => cache.get(keyOf(t)) === undefined);
  if (open.length > 0) {
    const rows = statement(db, SQL).all({ samples: JSON.stringify(open), pairs: pairsJson }) as { t: number; err: number | null; n: number }[];
    const byT = new Map(rows.map((r) => [r.t, r]));
    for (const t of open) {
      const r = byT.get(t);
      cache.set(keyOf(t), t, now, { t, meanAbsError: r && r.n ? r.err : null, points: r?.n ?? 0 });
    }
    return samples.map((t) => {
      const r = byT.get(t);
      return cache.get(keyOf(t)) ?? { t, meanAbsError: r && r.n ? r.err : null, points: r?.n ?? 0 };
    });
  }
  return samples.map((t) => cache.get(keyOf(t))!);
}

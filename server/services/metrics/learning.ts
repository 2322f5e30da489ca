import type { Db } from "@/db/client";
import type { MetricWindow } from "./ranges";
import { statement } from "./statements";

/** Mean |profile mean − hidden skill| per bucket, over simulated models (the only ones whose truth is known). */
export interface LearningPoint {
  t: number;
  meanAbsError: number | null;
  points: number;
}

export type SkillsOf = (modelId: string) => Record<string, number> | null;

// profile_history_model_idx (model_id, capability, at) serves each model's range. Manual overrides are
// an operator's word, not learning, so they are left out.
const SQL = `
  SELECT capability, mean, at FROM profile_history
  WHERE model_id = @model AND at >= @from AND at < @to AND source != 'manual'`;

export function learningEffectiveness(db: Db, window: MetricWindow, modelIds: readonly string[], skillsOf: SkillsOf): LearningPoint[] {
  const sums = new Float64Array(window.buckets);
  const counts = new Uint32Array(window.buckets);
  for (const model of modelIds) {
    const skills = skillsOf(model);
    if (!skills) continue;
    const rows = statement(db, SQL).all({ model, from: window.from, to: window.to }) as { capability: string; mean: number; at: number }[];
    for (const row of rows) {
      const truth = skills[row.capability];
      if (typeof truth !== "number") continue;
      const i = Math.floor((row.at - window.from) / window.bucketMs);
      if (i < 0 || i >= window.buckets) continue;
      sums[i] = (sums[i] ?? 0) + Math.abs(row.mean - truth);
      counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  return Array.from({ length: window.buckets }, (_, i) => ({
    t: window.from + i * window.bucketMs,
    meanAbsError: counts[i] ? sums[i]! / counts[i]! : null,
    points: counts[i]!,
  }));
}

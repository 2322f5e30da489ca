import type { Db } from "@/db/client";
import type { MetricWindow } from "./ranges";
import { settledInstantCache } from "./past-cache";
import { statement } from "./statements";

/** A capability's recorded profile point (the shape of profiles.history rows the chart reads). */
export interface ProfilePoint {
  capability: string;
  mean: number;
  low: number;
  high: number;
  source: string;
  at: number;
}

/** Points per capability at most: a chart this wide shows no more, and the read stays a few hundred seeks. */
export const PROFILE_SAMPLES = 48;

// For each (capability, instant): the latest history point at or before it, one seek on
// profile_history_model_idx (model_id, capability, at). Consecutive instants often find the same point;
// the caller keeps each point once.
const SQL = `
  SELECT s.value AS t, h.id, h.capability, h.mean, h.low, h.high, h.source, h.at
  FROM json_each(@caps) c CROSS JOIN json_each(@samples) s
  JOIN profile_history h ON h.id = (
    SELECT id FROM profile_history WHERE model_id = @model AND capability = c.value AND at <= s.value ORDER BY at DESC LIMIT 1)
`;

type Row = ProfilePoint & { id: number };

const CAPS_SQL = `SELECT capability FROM capability_profiles WHERE model_id = ?`;

/**
 * A model's capability-profile history over the window, thinned to at most PROFILE_SAMPLES points per
 * capability by sampling it at evenly spaced instants (a point older than the window shows at its start,
 * as the profile in force then). Its cost depends on the capability count, not on how many points exist.
 */
export function profileSamples(db: Db, modelId: string, window: MetricWindow, now: number = Date.now()): ProfilePoint[] {
  const caps = (statement(db, CAPS_SQL).all(modelId) as { capability: string }[]).map((r) => r.capability);
  if (caps.length === 0) return [];
  const span = window.to - window.from;
  const samples = Array.from({ length: PROFILE_SAMPLES + 1 }, (_, i) => window.from + Math.round((i * span) / PROFILE_SAMPLES));
  const capsJson = JSON.stringify(caps);
  const cache = settledInstantCache<Row[]>(db);
  const keyOf = (t: number) => `profile|${modelId}|${capsJson}|${t}`;
  const open = samples.filter((t) => cache.get(keyOf(t)) === undefined);
  const fresh = new Map<number, Row[]>();
  if (open.length > 0) {
    const rows = statement(db, SQL).all({ caps: capsJson, samples: JSON.stringify(open), model: modelId }) as (Row & { t: number })[];
    for (const t of open) fresh.set(t, []);
    for (const { t, ...row } of rows) fresh.get(t)?.push(row);
    for (const [t, list] of fresh) cache.set(keyOf(t), t, now, list);
  }
  const byId = new Map<number, ProfilePoint>();
  for (const t of samples) {
    for (const { id, ...point } of fresh.get(t) ?? cache.get(keyOf(t)) ?? []) {
      if (!byId.has(id)) byId.set(id, { ...point, at: Math.max(point.at, window.from) });
    }
  }
  return [...byId.values()].sort((a, b) => a.capability.localeCompare(b.capability) || a.at - b.at);
}

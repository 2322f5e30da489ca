import type { Db } from "@/db/client";
import { countByKind, type ErrorKind } from "./error-kinds";
import type { MetricWindow } from "./ranges";
import { statement } from "./statements";

export interface ErrorBreakdown {
  /** failed steps (the call's final outcome), by kind */
  failed: { kind: ErrorKind; count: number }[];
  /** retried attempts (step.retried events: failures the resilience layer absorbed), by kind */
  retried: { kind: ErrorKind; count: number }[];
}

const FAILED_SQL = `
  SELECT error, count(*) AS n FROM task_steps
  WHERE model_id = @model AND started_at >= @from AND started_at < @to AND status = 'failed'
  GROUP BY error`;

// Events are appended in time order, so their id is monotonic in `at`: the first id of the window is
// found by a binary search over the primary key (O(log n) lookups) rather than a scan; task_events has
// no index on `at` or `type`.
const AT_OF_SQL = `SELECT id, at FROM task_events WHERE id >= ? ORDER BY id LIMIT 1`;
const MAX_ID_SQL = `SELECT max(id) AS id FROM task_events`;
const RETRIED_SQL = `
  SELECT json_extract(payload, '$.error') AS error, count(*) AS n FROM task_events
  WHERE id >= @firstId AND type = 'step.retried' AND at < @to AND json_extract(payload, '$.modelId') = @model
  GROUP BY error`;

export function firstEventIdAt(db: Db, at: number): number {
  const max = (statement(db, MAX_ID_SQL).get() as { id: number | null }).id;
  if (max === null) return 0;
  let lo = 0;
  let hi = max + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = statement(db, AT_OF_SQL).get(mid) as { id: number; at: number } | undefined;
    if (!row || row.at >= at) hi = mid;
    else lo = row.id + 1;
  }
  return lo;
}

export function errorBreakdown(db: Db, modelId: string, window: MetricWindow): ErrorBreakdown {
  const failed = statement(db, FAILED_SQL).all({ model: modelId, from: window.from, to: window.to }) as { error: string | null; n: number }[];
  const firstId = firstEventIdAt(db, window.from);
  const retried = statement(db, RETRIED_SQL).all({ firstId, to: window.to, model: modelId }) as { error: string | null; n: number }[];
  return { failed: countByKind(failed), retried: countByKind(retried) };
}

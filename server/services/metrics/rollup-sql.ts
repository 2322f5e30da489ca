import { SELECTION_TOLERANCE } from "./selection";

/**
 * SQL fragments over a task row `t` shared by the live writer and the backfill. They run inside SQLite
 * (its JSON functions), so the recorder never parses a plan in JavaScript on the hot path.
 */

const SAFE_PLAN = "CASE WHEN json_valid(t.plan) THEN t.plan END";

/** A cache hit's answer came from the task it was cached from: that task's plan says which strategy produced it. */
const ORIGIN_STRATEGY = `(SELECT json_extract(CASE WHEN json_valid(o.plan) THEN o.plan END, '$.strategy') FROM tasks o WHERE o.id = t.cached_from_task_id)`;

/**
 * The planned strategy ("auto" resolves in the plan); for a cache hit, which plans nothing, the strategy of the task
 * that produced the answer — else a hit for "auto" would count under "auto" beside executed tasks counted under the
 * strategy auto chose; last, the requested one.
 */
export const STRATEGY_SQL = `coalesce(json_extract(${SAFE_PLAN}, '$.strategy'), ${ORIGIN_STRATEGY}, t.strategy)`;

const ELIGIBLE = `json_type(c.value, '$.components.quality') IN ('real', 'integer') AND coalesce(json_extract(c.value, '$.rejected'), '') IN ('', 0)`;
const MINE = `max(CASE WHEN json_extract(c.value, '$.modelId') = json_extract(${SAFE_PLAN}, '$.steps[0].modelId') THEN json_extract(c.value, '$.components.quality') END)`;

/**
 * 1 when the lead model's expected quality is within SELECTION_TOLERANCE of the best eligible candidate's,
 * 0 when not, NULL when the plan cannot be judged (fewer than two eligible candidates, or the lead is not
 * among them). The same rule as judgePlan() in selection.ts.
 */
export const EFFICIENT_SQL = `(SELECT CASE WHEN count(*) >= 2 AND ${MINE} IS NOT NULL THEN ${MINE} >= max(json_extract(c.value, '$.components.quality')) - ${SELECTION_TOLERANCE} END
  FROM json_each(${SAFE_PLAN}, '$.explanation.candidates') c WHERE ${ELIGIBLE})`;

/** Model calls the task ran (task_steps_task_idx: an index-only count). */
export const STEPS_SQL = `(SELECT count(*) FROM task_steps s WHERE s.task_id = t.id)`;

/** What the task rollups count of a finished task row `t`: read by the live writer per task and by the backfill for all. */
export const TASK_FIGURES_SQL = `t.cost_usd AS cost, t.input_tokens AS tin, t.output_tokens AS tout, t.latency_ms AS latency,
  ${STRATEGY_SQL} AS strategy, ${STEPS_SQL} AS steps, ${EFFICIENT_SQL} AS efficient`;

export interface TaskFigures {
  cost: number | null;
  tin: number | null;
  tout: number | null;
  latency: number | null;
  strategy: string | null;
  steps: number;
  efficient: number | null;
}

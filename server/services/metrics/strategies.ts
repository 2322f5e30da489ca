import type { Db } from "@/db/client";
import type { MetricWindow } from "./ranges";
import { num, statement } from "./statements";

/** Per-task figures, grouped by the strategy the planner chose. No result cache exists yet: cacheHits is always 0. */
export interface StrategyStats {
  strategy: string;
  tasks: number;
  completed: number;
  failed: number;
  avgSteps: number;
  avgCostUsd: number;
  avgLatencyMs: number | null;
  cacheHits: 0;
}

interface Row {
  strategy: string;
  tasks: number;
  completed: number | null;
  failed: number | null;
  steps: number | null;
  cost: number | null;
  latency: number | null;
}

// The planned strategy sits in the plan JSON ("auto" resolves there); the planned step count comes from
// the same JSON. Steps actually run can exceed it (fallbacks), which the per-model figures show instead.
const SQL = `
  SELECT coalesce(json_extract(plan, '$.strategy'), strategy) AS strategy, count(*) AS tasks,
         sum(status = 'completed') AS completed, sum(status = 'failed') AS failed,
         avg(json_array_length(plan, '$.steps')) AS steps, avg(cost_usd) AS cost, avg(latency_ms) AS latency
  FROM tasks
  WHERE created_at >= @from AND created_at < @to
  GROUP BY 1 ORDER BY tasks DESC`;

export function strategyStats(db: Db, window: MetricWindow): StrategyStats[] {
  const rows = statement(db, SQL).all({ from: window.from, to: window.to }) as Row[];
  return rows.map((r) => ({
    strategy: r.strategy,
    tasks: r.tasks,
    completed: num(r.completed),
    failed: num(r.failed),
    avgSteps: num(r.steps),
    avgCostUsd: num(r.cost),
    avgLatencyMs: r.latency === null ? null : Math.round(r.latency),
    cacheHits: 0,
  }));
}

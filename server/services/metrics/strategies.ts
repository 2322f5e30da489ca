import type { Db } from "@/db/client";
import type { MetricWindow } from "./ranges";
import { readByKey } from "./rollup-read";

/** Per-task figures of the tasks that finished in the window, grouped by the strategy the planner chose. */
export interface StrategyStats {
  strategy: string;
  tasks: number;
  completed: number;
  failed: number;
  cancelled: number;
  /** model calls actually run per task (fallbacks and retries-as-new-steps included) */
  avgSteps: number;
  avgCostUsd: number;
  avgLatencyMs: number | null;
  cacheHits: number;
}

const COLUMNS = ["n", "completed", "failed", "cancelled", "steps", "cost_usd", "latency_sum", "latency_n", "cache_hits"] as const;

export function strategyStats(db: Db, window: MetricWindow): StrategyStats[] {
  return readByKey(db, window, "strategy", COLUMNS)
    .map((r) => ({
      strategy: r.key,
      tasks: r.n,
      completed: r.completed,
      failed: r.failed,
      cancelled: r.cancelled,
      avgSteps: r.n ? r.steps / r.n : 0,
      avgCostUsd: r.n ? r.cost_usd / r.n : 0,
      avgLatencyMs: r.latency_n ? Math.round(r.latency_sum / r.latency_n) : null,
      cacheHits: r.cache_hits,
    }))
    .sort((a, b) => b.tasks - a.tasks || a.strategy.localeCompare(b.strategy));
}

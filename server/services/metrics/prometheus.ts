import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { windowOf } from "./ranges";
import { stepStats } from "./step-stats";
import { taskBuckets } from "./task-buckets";
import type { MetricsDeps } from "./index";
import { breakerCounts, rosterHealth } from "./health";
import { databaseBytes, queueCounts } from "./system";

/** The exporter's rolling window: short enough to react, and the aggregate stays a small index range. */
export const SCRAPE_RANGE = "15m" as const;

/**
 * A dedicated registry (never prom-client's global one, which Next.js bundles may duplicate): default
 * process metrics plus gauges filled from the database aggregates on each scrape.
 */
export function createPrometheusExporter(deps: MetricsDeps) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "ensemble_" });
  const g = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });

  const queued = g("ensemble_tasks_queued", "Tasks waiting to run");
  const running = g("ensemble_tasks_running", "Tasks running now");
  const dbBytes = g("ensemble_database_bytes", "SQLite database size (page_count x page_size)");
  const tasks = g("ensemble_tasks_window", "Tasks created in the last 15 minutes, by final status", ["status"]);
  const spend = g("ensemble_spend_usd_window", "Spend of tasks created in the last 15 minutes (USD)");
  const taskLatency = g("ensemble_task_latency_ms_window", "Task latency quantiles over the last 15 minutes", ["quantile"]);
  const requests = g("ensemble_model_requests_window", "Model calls in the last 15 minutes", ["model", "status"]);
  const modelLatency = g("ensemble_model_latency_ms_window", "Model call latency quantiles over the last 15 minutes", ["model", "quantile"]);
  const modelCost = g("ensemble_model_cost_usd_window", "Model spend over the last 15 minutes (USD)", ["model"]);
  const tokens = g("ensemble_model_tokens_window", "Model tokens over the last 15 minutes", ["model", "direction"]);
  const breaker = g("ensemble_model_breaker_open", "1 when the model's circuit breaker is open, 0.5 half-open, 0 closed", ["model"]);
  const breakers = g("ensemble_breakers", "Models per circuit-breaker state", ["state"]);
  const cacheHit = g("ensemble_cache_hit_ratio", "Result cache hit ratio (no cache exists yet: always 0)");
  const scrapes = new Counter({ name: "ensemble_metrics_scrapes_total", help: "Scrapes served", registers: [registry] });
  const scrapeSeconds = new Histogram({
    name: "ensemble_metrics_scrape_duration_seconds",
    help: "Time to aggregate the database figures for one scrape",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });

  function refresh() {
    const end = scrapeSeconds.startTimer();
    const window = windowOf(SCRAPE_RANGE, (deps.now ?? Date.now)());
    const queue = queueCounts(deps.db);
    queued.set(queue.queued);
    running.set(queue.running);
    dbBytes.set(databaseBytes(deps.db));
    const { totals } = taskBuckets(deps.db, window);
    tasks.reset();
    tasks.set({ status: "completed" }, totals.completed);
    tasks.set({ status: "failed" }, totals.failed);
    tasks.set({ status: "other" }, totals.tasks - totals.completed - totals.failed);
    spend.set(totals.costUsd);
    taskLatency.reset();
    for (const [q, v] of [["0.5", totals.latency.p50], ["0.95", totals.latency.p95], ["0.99", totals.latency.p99]] as const) {
      if (v !== null) taskLatency.set({ quantile: q }, v);
    }
    const steps = stepStats(deps.db, window).byModel;
    for (const gauge of [requests, modelLatency, modelCost, tokens, breaker]) gauge.reset();
    for (const s of steps) {
      requests.set({ model: s.key, status: "completed" }, s.completed);
      requests.set({ model: s.key, status: "failed" }, s.failed);
      modelCost.set({ model: s.key }, s.costUsd);
      tokens.set({ model: s.key, direction: "in" }, s.inputTokens);
      tokens.set({ model: s.key, direction: "out" }, s.outputTokens);
      for (const [q, v] of [["0.5", s.latency.p50], ["0.95", s.latency.p95], ["0.99", s.latency.p99]] as const) {
        if (v !== null) modelLatency.set({ model: s.key, quantile: q }, v);
      }
    }
    const health = rosterHealth(deps.roster.list(), deps.registry, steps);
    for (const m of health) breaker.set({ model: m.id }, m.health === "open" ? 1 : m.health === "half-open" ? 0.5 : 0);
    const counts = breakerCounts(health);
    breakers.set({ state: "open" }, counts.open);
    breakers.set({ state: "half_open" }, counts.halfOpen);
    breakers.set({ state: "closed" }, counts.closed);
    cacheHit.set(0);
    scrapes.inc();
    end();
  }

  return {
    contentType: registry.contentType,
    async render(): Promise<string> {
      refresh();
      return registry.metrics();
    },
  };
}

export type PrometheusExporter = ReturnType<typeof createPrometheusExporter>;

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { MetricsService } from "./index";
import type { MetricRange } from "./ranges";

/** The exporter's rolling window: short enough to react; read from minute rollups, so a scrape costs a few hundred rows. */
export const SCRAPE_RANGE: MetricRange = "15m";

type Quantiles = { p50: number | null; p95: number | null; p99: number | null };

/**
 * A dedicated registry (never prom-client's global one, which Next.js bundles may duplicate): default
 * process metrics (memory, CPU, event-loop lag, prefixed ensemble_) plus gauges filled on each scrape from
 * the same overview the dashboard shows, over the last 15 minutes.
 */
export function createPrometheusExporter(metrics: Pick<MetricsService, "overview">) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "ensemble_" });
  const g = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });

  const queued = g("ensemble_tasks_queued", "Tasks waiting to run");
  const running = g("ensemble_tasks_running", "Tasks running now");
  const dbBytes = g("ensemble_database_bytes", "SQLite database size (page_count x page_size)");
  const tasks = g("ensemble_tasks_window", "Tasks finished in the last 15 minutes, by status", ["status"]);
  const spend = g("ensemble_spend_usd_window", "Spend of tasks finished in the last 15 minutes (USD)");
  const shadowSpend = g("ensemble_shadow_spend_usd_window", "Spend of shadow-evaluation calls in the last 15 minutes (USD; billed to no task)");
  const taskLatency = g("ensemble_task_latency_ms_window", "Task latency quantiles over the last 15 minutes", ["quantile"]);
  const strategyTasks = g("ensemble_strategy_tasks_window", "Tasks finished in the last 15 minutes, by planned strategy", ["strategy"]);
  const requests = g("ensemble_model_requests_window", "Model calls finished in the last 15 minutes", ["model", "status"]);
  const modelLatency = g("ensemble_model_latency_ms_window", "Model call latency quantiles over the last 15 minutes", ["model", "quantile"]);
  const modelTtft = g("ensemble_model_ttft_ms_window", "Model time-to-first-token quantiles over the last 15 minutes", ["model", "quantile"]);
  const modelCost = g("ensemble_model_cost_usd_window", "Model spend over the last 15 minutes (USD)", ["model"]);
  const tokens = g("ensemble_model_tokens_window", "Model tokens over the last 15 minutes", ["model", "direction"]);
  const capabilityRequests = g("ensemble_capability_requests_window", "Model calls finished in the last 15 minutes, by task capability", ["capability", "status"]);
  const breaker = g("ensemble_model_breaker_open", "1 when the model's circuit breaker is open, 0.5 half-open, 0 closed", ["model"]);
  const breakers = g("ensemble_breakers", "Enabled models per circuit-breaker state", ["state"]);
  const cacheHit = g("ensemble_cache_hit_ratio", "Result-cache hits / finished tasks over the last 15 minutes (0 when no cache is wired in)");
  const selection = g("ensemble_selection_efficiency_ratio", "Routed tasks whose lead model was within tolerance of the best candidate, last 15 minutes");
  const learning = g("ensemble_learning_abs_error", "Mean |profile - true skill| of simulated models, latest sample");
  const lag = g("ensemble_event_loop_lag_p99_ms", "Event-loop delay p99 since the previous reading (ms)");
  const scrapes = new Counter({ name: "ensemble_metrics_scrapes_total", help: "Scrapes served", registers: [registry] });
  const scrapeSeconds = new Histogram({
    name: "ensemble_metrics_scrape_duration_seconds",
    help: "Time to aggregate the figures for one scrape",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });

  const setQuantiles = (gauge: Gauge, labels: Record<string, string>, q: Quantiles) => {
    for (const [quantile, v] of [["0.5", q.p50], ["0.95", q.p95], ["0.99", q.p99]] as const) if (v !== null) gauge.set({ ...labels, quantile }, v);
  };

  function refresh() {
    const end = scrapeSeconds.startTimer();
    const o = metrics.overview(SCRAPE_RANGE);
    for (const gauge of [tasks, taskLatency, strategyTasks, requests, modelLatency, modelTtft, modelCost, tokens, capabilityRequests, breaker, breakers]) gauge.reset();
    queued.set(o.system.queued);
    running.set(o.system.running);
    dbBytes.set(o.system.databaseBytes);
    tasks.set({ status: "completed" }, o.totals.completed);
    tasks.set({ status: "failed" }, o.totals.failed);
    tasks.set({ status: "cancelled" }, o.totals.cancelled);
    spend.set(o.totals.costUsd);
    shadowSpend.set(o.kpis.shadowSpendUsd);
    setQuantiles(taskLatency, {}, o.totals.latency);
    for (const s of o.strategies) strategyTasks.set({ strategy: s.strategy }, s.tasks);
    for (const s of o.byModel) {
      requests.set({ model: s.key, status: "completed" }, s.completed);
      requests.set({ model: s.key, status: "failed" }, s.failed);
      modelCost.set({ model: s.key }, s.costUsd);
      tokens.set({ model: s.key, direction: "in" }, s.inputTokens);
      tokens.set({ model: s.key, direction: "out" }, s.outputTokens);
      setQuantiles(modelLatency, { model: s.key }, s.latency);
      setQuantiles(modelTtft, { model: s.key }, s.ttft);
    }
    for (const s of o.byCapability) {
      capabilityRequests.set({ capability: s.key, status: "completed" }, s.completed);
      capabilityRequests.set({ capability: s.key, status: "failed" }, s.failed);
    }
    for (const m of o.roster) breaker.set({ model: m.id }, m.health === "open" ? 1 : m.health === "half-open" ? 0.5 : 0);
    breakers.set({ state: "open" }, o.breakers.open);
    breakers.set({ state: "half_open" }, o.breakers.halfOpen);
    breakers.set({ state: "closed" }, o.breakers.closed);
    cacheHit.set(o.kpis.cacheHitRate ?? 0);
    selection.set(o.quality.selection.share ?? 0);
    const latest = [...o.quality.learning].reverse().find((p) => p.meanAbsError !== null);
    learning.set(latest?.meanAbsError ?? 0);
    if (o.system.eventLoopLagP99Ms !== null) lag.set(o.system.eventLoopLagP99Ms);
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

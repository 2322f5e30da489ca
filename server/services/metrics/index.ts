import type { Db } from "@/db/client";
import { NotFoundError } from "@/server/orchestrator/errors";
import { errorBreakdown } from "./errors";
import { breakerCounts, rosterHealth, type RegistryLike, type RosterEntry } from "./health";
import { binHigh, binLow, percentiles } from "./histogram";
import { learningEffectiveness, type SkillsOf } from "./learning";
import { modelSeries } from "./model-series";
import { createPrometheusExporter, type PrometheusExporter } from "./prometheus";
import { windowOf, type MetricRange } from "./ranges";
import { selectionEfficiency } from "./selection";
import { stepStats } from "./step-stats";
import { strategyStats } from "./strategies";
import { databaseBytes, queueCounts, systemStats } from "./system";
import { taskBuckets } from "./task-buckets";

export { METRIC_RANGES, RANGE_SPECS, type MetricRange } from "./ranges";

export interface MetricsDeps {
  db: Db;
  roster: { list(): RosterEntry[]; simulatedConfig(id: string): { skills: Partial<Record<string, number>> } | null };
  registry: RegistryLike;
  now?: () => number;
}

/** Dashboard and exporter figures, every one an aggregate over an indexed time range (see README "Monitoring"). */
export function createMetricsService(deps: MetricsDeps) {
  const { db, roster, registry } = deps;
  const now = deps.now ?? Date.now;
  const skillsOf: SkillsOf = (id) => {
    const skills = roster.simulatedConfig(id)?.skills;
    if (!skills) return null;
    return Object.fromEntries(Object.entries(skills).filter((e): e is [string, number] => typeof e[1] === "number"));
  };

  function overview(range: MetricRange) {
    const window = windowOf(range, now());
    const { buckets, totals } = taskBuckets(db, window);
    const steps = stepStats(db, window);
    const models = roster.list();
    const finished = totals.completed + totals.failed;
    const spanMinutes = (window.to - window.from) / 60_000;
    return {
      window,
      kpis: {
        tasks: totals.tasks,
        tasksPerMinute: totals.tasks / spanMinutes,
        successRate: finished ? totals.completed / finished : null,
        p95Ms: totals.latency.p95,
        spendUsd: totals.costUsd,
        cacheHitRate: null,
      },
      buckets,
      byModel: steps.byModel,
      byCapability: steps.byCapability,
      strategies: strategyStats(db, window),
      roster: rosterHealth(models, registry, steps.byModel),
      quality: {
        successRate: finished ? totals.completed / finished : null,
        selection: selectionEfficiency(db, window),
        learning: learningEffectiveness(
          db,
          window,
          models.filter((m) => m.isSimulated).map((m) => m.id),
          skillsOf,
        ),
      },
      system: systemStats(db),
    };
  }

  function model(id: string, range: MetricRange) {
    const entry = roster.list().find((m) => m.id === id);
    if (!entry) throw new NotFoundError("Model", id);
    const window = windowOf(range, now());
    const series = modelSeries(db, id, window);
    const requests = series.buckets.reduce((s, b) => s + b.requests, 0);
    const failed = series.buckets.reduce((s, b) => s + b.failed, 0);
    const [health] = rosterHealth([entry], registry, []);
    return {
      window,
      model: { id: entry.id, name: entry.name, simulated: entry.isSimulated, health: health!.health, routerErrorRate: health!.routerErrorRate },
      totals: {
        requests,
        failed,
        errorRate: requests ? failed / requests : null,
        latency: percentiles(series.bins),
        ttftMs: series.ttftMs,
        inputTokens: series.buckets.reduce((s, b) => s + b.inputTokens, 0),
        outputTokens: series.buckets.reduce((s, b) => s + b.outputTokens, 0),
        costUsd: series.buckets.reduce((s, b) => s + b.costUsd, 0),
      },
      buckets: series.buckets,
      histogram: series.bins.map((b) => ({ lowMs: binLow(b.bin), highMs: binHigh(b.bin), count: b.n })),
      errors: errorBreakdown(db, id, window),
    };
  }

  /** For /api/health: cheap (index-only counts and in-memory breaker states), safe to poll every second. */
  function health() {
    let database = true;
    let queue = { running: 0, queued: 0 };
    try {
      queue = queueCounts(db);
    } catch {
      database = false;
    }
    const breakers = breakerCounts(rosterHealth(roster.list(), registry, []));
    // one open breaker is routed around; the instance is only unfit when nothing can serve a task
    const canServe = breakers.closed + breakers.halfOpen > 0;
    return { status: database && canServe ? ("ok" as const) : ("degraded" as const), database, queueDepth: queue.queued, running: queue.running, breakers };
  }

  return { overview, model, health, databaseBytes: () => databaseBytes(db) };
}

export type MetricsService = ReturnType<typeof createMetricsService>;

const byServices = new WeakMap<object, MetricsService>();
const exporters = new WeakMap<object, PrometheusExporter>();

/** The exporter keeps one prom-client registry per Services bundle (default metrics register once). */
export function exporterFor(services: { db: Db; roster: MetricsDeps["roster"]; routing: { registry: RegistryLike } }): PrometheusExporter {
  let exporter = exporters.get(services);
  if (!exporter) {
    exporter = createPrometheusExporter({ db: services.db, roster: services.roster, registry: services.routing.registry });
    exporters.set(services, exporter);
  }
  return exporter;
}

/** One metrics service per Services bundle, built on first use (app.ts is not ours to wire it into). */
export function metricsFor(services: {
  db: Db;
  roster: MetricsDeps["roster"];
  routing: { registry: RegistryLike };
}): MetricsService {
  let service = byServices.get(services);
  if (!service) {
    service = createMetricsService({ db: services.db, roster: services.roster, registry: services.routing.registry });
    byServices.set(services, service);
  }
  return service;
}

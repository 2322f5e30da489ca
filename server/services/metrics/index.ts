import type { Db } from "@/db/client";
import { NotFoundError } from "@/server/orchestrator/errors";
import { breakerCounts, rosterHealth, type BreakerState, type RegistryLike, type RosterEntry } from "./health";
import { histogramBins, percentiles } from "./histogram";
import { learningEffectiveness, type SkillsOf } from "./learning";
import { modelSeries } from "./model-series";
import { profileSamples } from "./profile-samples";
import { createPrometheusExporter, type PrometheusExporter } from "./prometheus";
import { windowOf, type MetricRange } from "./ranges";
import { selectionEfficiency } from "./selection";
import { stepStats } from "./step-stats";
import { strategyStats } from "./strategies";
import { databaseBytes, liveQueue, systemStats, type CacheStats, type LiveSources } from "./system";
import { taskBuckets } from "./task-buckets";
import { shadowSpend } from "./shadow-spend";

export { METRIC_RANGES, RANGE_SPECS, type MetricRange } from "./ranges";
export type { BreakerState } from "./health";
export type { CacheStats } from "./system";

export interface MetricsDeps extends LiveSources {
  db: Db;
  roster: { list(): RosterEntry[]; simulatedConfig(id: string): { skills: Partial<Record<string, number>> } | null };
  registry: RegistryLike;
  /** the circuit breakers' states; without it the router registry's health stands in */
  breakerSnapshot?: () => readonly BreakerState[];
  now?: () => number;
}

/**
 * Dashboard, exporter and health figures. Everything time-ranged reads the minute/hour rollups (a few
 * thousand rows at most); nothing scans tasks or steps. See README "Monitoring".
 */
export function createMetricsService(deps: MetricsDeps) {
  const { db, roster, registry } = deps;
  const now = deps.now ?? Date.now;
  // hidden skills read once per roster revision (roster.list() returns a new array when the roster changes):
  // simulatedConfig reads the model row, too slow to repeat for every model on every refresh
  let skillsFor: { list: readonly RosterEntry[]; byId: Map<string, Record<string, number> | null> } | undefined;
  const skillsOf: SkillsOf = (id) => {
    const list = roster.list();
    if (skillsFor?.list !== list) skillsFor = { list, byId: new Map() };
    if (!skillsFor.byId.has(id)) {
      const skills = roster.simulatedConfig(id)?.skills;
      skillsFor.byId.set(id, skills ? Object.fromEntries(Object.entries(skills).filter((e): e is [string, number] => typeof e[1] === "number")) : null);
    }
    return skillsFor.byId.get(id) ?? null;
  };
  const breakers = () => deps.breakerSnapshot?.();

  function overview(range: MetricRange) {
    const at = now();
    const window = windowOf(range, at);
    const { buckets, totals } = taskBuckets(db, window);
    const steps = stepStats(db, window);
    const models = roster.list();
    const health = rosterHealth(models, registry, steps.byModel, breakers(), at);
    const finished = totals.completed + totals.failed;
    // the window ends with the current bucket, which has only begun: a rate is over the time elapsed, not the label's span
    const spanMinutes = Math.max(1, Math.min(at, window.to) - window.from) / 60_000;
    // with no cache wired in and no hit ever recorded, a 0% rate would claim a cache that does not exist
    const cacheKnown = deps.cacheStats !== undefined || totals.cacheHits > 0;
    const shadow = shadowSpend(db, window);
    return {
      window,
      kpis: {
        tasks: totals.tasks,
        tasksPerMinute: totals.tasks / spanMinutes,
        successRate: finished ? totals.completed / finished : null,
        p95Ms: totals.latency.p95,
        spendUsd: totals.costUsd,
        shadowSpendUsd: shadow.costUsd,
        shadowCalls: shadow.calls,
        cacheHitRate: cacheKnown && totals.tasks ? totals.cacheHits / totals.tasks : null,
        cacheKnown,
      },
      totals,
      buckets,
      byModel: steps.byModel,
      byCapability: steps.byCapability,
      strategies: strategyStats(db, window),
      roster: health,
      breakers: { ...breakerCounts(health), source: deps.breakerSnapshot ? ("breakers" as const) : ("router" as const) },
      quality: {
        successRate: finished ? totals.completed / finished : null,
        selection: selectionEfficiency(totals.selectionEvaluated, totals.selectionEfficient),
        learning: learningEffectiveness(
          db,
          window,
          models.filter((m) => m.isSimulated).map((m) => m.id),
          skillsOf,
          at,
        ),
      },
      system: systemStats(db, deps),
    };
  }

  function model(id: string, range: MetricRange) {
    const entry = roster.list().find((m) => m.id === id);
    if (!entry) throw new NotFoundError("Model", id);
    const at = now();
    const window = windowOf(range, at);
    const series = modelSeries(db, id, window);
    const requests = series.buckets.reduce((s, b) => s + b.requests, 0);
    const failed = series.buckets.reduce((s, b) => s + b.failed, 0);
    const [health] = rosterHealth([entry], registry, [], breakers(), at);
    return {
      window,
      model: {
        id: entry.id,
        name: entry.name,
        simulated: entry.isSimulated,
        health: health!.health,
        breakerFailures: health!.breakerFailures,
        nextProbeAt: health!.nextProbeAt,
        routerErrorRate: health!.routerErrorRate,
      },
      totals: {
        requests,
        failed,
        errorRate: requests ? failed / requests : null,
        latency: percentiles(series.latency),
        ttftMs: series.ttftMs,
        ttft: percentiles(series.ttft),
        inputTokens: series.buckets.reduce((s, b) => s + b.inputTokens, 0),
        outputTokens: series.buckets.reduce((s, b) => s + b.outputTokens, 0),
        costUsd: series.buckets.reduce((s, b) => s + b.costUsd, 0),
      },
      buckets: series.buckets,
      histogram: histogramBins(series.latency),
      errors: series.errors,
      profileHistory: profileSamples(db, id, window, at),
    };
  }

  /** For /api/health: the injected live counts or index-only counts, and in-memory breaker states; safe to poll every second. */
  function health() {
    let database = true;
    let queue = { running: 0, queued: 0 };
    try {
      db.$client.prepare("SELECT 1").get();
      queue = liveQueue(db, deps);
    } catch {
      database = false;
    }
    const counts = breakerCounts(rosterHealth(roster.list(), registry, [], breakers(), now()));
    // one open breaker is routed around; the instance is only unfit when nothing can serve a task
    const canServe = counts.closed + counts.halfOpen > 0;
    return {
      status: database && canServe ? ("ok" as const) : ("degraded" as const),
      database,
      queueDepth: queue.queued,
      running: queue.running,
      breakers: counts,
    };
  }

  return { overview, model, health, databaseBytes: () => databaseBytes(db) };
}

export type MetricsService = ReturnType<typeof createMetricsService>;

/**
 * What metricsFor() reads from a Services bundle. The live sources are optional and duck-typed: the
 * queue, result cache and breakers are other services', picked up when the bundle carries them.
 */
export interface MetricsServices {
  db: Db;
  roster: MetricsDeps["roster"];
  routing: { registry: RegistryLike };
  queue?: { depth(): number; active?(): number };
  /** `since` bounds the cache's own count of hits and misses (it reads tasks); entries is what the dashboard needs */
  cache?: { stats(since?: number): CacheStats };
  breakers?: { snapshot(): readonly BreakerState[] };
}

/** The window the result cache counts its hits and misses over for the system card: short, so the read stays small. */
export const CACHE_STATS_WINDOW_MS = 60_000;

export function metricsDepsOf(services: MetricsServices): MetricsDeps {
  return {
    db: services.db,
    roster: services.roster,
    registry: services.routing.registry,
    ...(services.queue ? { queueDepth: () => services.queue!.depth() } : {}),
    ...(services.queue?.active ? { activeTasks: () => services.queue!.active!() } : {}),
    ...(services.cache ? { cacheStats: () => services.cache!.stats(Date.now() - CACHE_STATS_WINDOW_MS) } : {}),
    ...(services.breakers ? { breakerSnapshot: () => services.breakers!.snapshot() } : {}),
  };
}

const byServices = new WeakMap<object, MetricsService>();
const exporters = new WeakMap<object, PrometheusExporter>();

/** One metrics service per Services bundle, built on first use. */
export function metricsFor(services: MetricsServices): MetricsService {
  let service = byServices.get(services);
  if (!service) {
    service = createMetricsService(metricsDepsOf(services));
    byServices.set(services, service);
  }
  return service;
}

/** The exporter keeps one prom-client registry per Services bundle (default metrics register once). */
export function exporterFor(services: MetricsServices): PrometheusExporter {
  let exporter = exporters.get(services);
  if (!exporter) {
    exporter = createPrometheusExporter(metricsFor(services));
    exporters.set(services, exporter);
  }
  return exporter;
}

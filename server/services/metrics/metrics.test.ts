import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { HOUR_MS, latencyBinEdges, latencyBinOf, LATENCY_BIN_COUNT } from "@/db/rollup-layout";
import { seedDemoRoster } from "@/db/seed";
import { createServices, type Services } from "@/server/services/app";
import { ERROR_KINDS, errorKindOf } from "./error-kinds";
import { callIncrements } from "./rollup-rows";
import { breakerCounts } from "./health";
import { emptyHistogram, histogramBins, percentiles, quantile } from "./histogram";
import { learningEffectiveness, sampleInstants } from "./learning";
import { profileSamples, PROFILE_SAMPLES } from "./profile-samples";
import { windowOf } from "./ranges";
import { addBlobs, addEncoded, encodedUnit, encodeVector } from "./rollup-vectors";
import { applyRollups } from "./rollup-writer";
import { judgePlan } from "./selection";
import { queueCounts, systemStats } from "./system";
import { createMetricsService, metricsDepsOf } from "./index";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 30);
let db: Db;
let services: Services;
let model: string;
let n = 0;

function task(at: number, patch: Partial<{ status: string; cost: number; latency: number | null; capability: string; plan: unknown }> = {}) {
  const id = `t${++n}`;
  db.$client
    .prepare(
      `INSERT INTO tasks (id, prompt, status, strategy, policy, constraints, source, primary_capability, plan, cost_usd, latency_ms, created_at, completed_at)
       VALUES (?, 'p', ?, 'auto', 'balanced', '{}', 'ui', ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, patch.status ?? "completed", patch.capability ?? "math", patch.plan ? JSON.stringify(patch.plan) : null, patch.cost ?? 0.01, patch.latency === undefined ? 1000 : patch.latency, at, at);
  return id;
}

beforeEach(() => {
  db = createDb(":memory:");
  seedDemoRoster(db);
  services = createServices(db);
  model = services.roster.list()[0]!.id;
});

describe("histogram", () => {
  it("bins are half-octaves from 4 ms, the first from 0, the last open-ended", () => {
    expect(latencyBinOf(0)).toBe(0);
    expect(latencyBinOf(3.9)).toBe(0);
    expect(latencyBinOf(4)).toBe(1);
    expect(latencyBinOf(8)).toBe(3);
    expect(latencyBinOf(1e9)).toBe(LATENCY_BIN_COUNT - 1);
    for (const ms of [5, 100, 1234, 60_000]) {
      const [low, high] = latencyBinEdges(latencyBinOf(ms));
      expect(ms).toBeGreaterThanOrEqual(low);
      expect(ms).toBeLessThan(high);
    }
  });

  it("estimates quantiles inside the right bin and is null when empty", () => {
    expect(quantile(emptyHistogram(), 0.5)).toBeNull();
    const h = emptyHistogram();
    h[latencyBinOf(1000)] = 90;
    h[latencyBinOf(5000)] = 10;
    const p = percentiles(h);
    expect(latencyBinOf(p.p50!)).toBe(latencyBinOf(1000));
    expect(latencyBinOf(p.p95!)).toBe(latencyBinOf(5000));
    expect(histogramBins(h).map((b) => b.count)).toEqual([90, 10]);
  });
});

describe("stored count vectors", () => {
  it("encode, add element-wise (also from an unaligned buffer) and merge like an UPSERT", () => {
    const a = encodeVector([1, 2, 3]);
    expect(addEncoded([0, 0, 0], a)).toEqual([1, 2, 3]);
    const unaligned = Buffer.concat([Buffer.from([9]), a]).subarray(1);
    expect(addEncoded([10, 10, 10], unaligned)).toEqual([11, 12, 13]);
    expect(addEncoded([1], null)).toEqual([1]);
    expect(addEncoded([0, 0, 0], addBlobs(a, encodeVector([5, 0, 1])))).toEqual([6, 2, 4]);
    expect(addBlobs(null, a)).toBe(a);
    expect(addEncoded([0, 0], encodedUnit("errs", 1))).toEqual([0, 1]);
  });
});

describe("error kinds", () => {
  it("classifies provider messages", () => {
    expect(errorKindOf("sim: 429 Too Many Requests")).toBe("rate-limit");
    expect(errorKindOf("request timed out after 30000 ms")).toBe("timeout");
    expect(errorKindOf("stream ended without a finish part")).toBe("cut-stream");
    expect(errorKindOf("upstream 503 server error")).toBe("server");
    expect(errorKindOf("weird")).toBe("other");
    expect(errorKindOf(null)).toBe("other");
  });

  it("takes the kind the event carries over the message's words, a task deadline counting as budget", () => {
    expect(errorKindOf("HTTP 500: error while executing the request", "server")).toBe("server");
    expect(errorKindOf("HTTP 429: Request cancelled: try later", "rate-limit")).toBe("rate-limit");
    expect(errorKindOf("gpt-4o-acute: empty output", "bad-response")).toBe("bad-response");
    expect(errorKindOf("m: stopped after 50ms, when the task's latency budget ran out", "deadline")).toBe("budget");
    // a kind the metrics do not know falls back to the words
    expect(errorKindOf("sim: 429 Too Many Requests", "something-new")).toBe("rate-limit");
    const [model] = callIncrements({ at: NOW, modelId: "m", capability: null, status: "failed", latencyMs: null, firstTokenMs: null, inputTokens: 0, outputTokens: 0, costUsd: 0, error: "cut while executing", errorKind: "server" });
    expect(model?.vectors.errs).toBe(ERROR_KINDS.indexOf("server"));
  });
});

describe("ranges", () => {
  it("ends with the bucket holding now and has span / bucket buckets", () => {
    const w = windowOf("15m", NOW);
    expect(w.buckets).toBe(15);
    expect(w.to).toBe(Date.UTC(2025, 0, 1, 12, 1));
    expect(windowOf("24h", NOW).buckets).toBe(24);
    expect(windowOf("30d", NOW).bucketMs).toBe(3_600_000);
  });
});

describe("live writer", () => {
  it("counts a finished task in the minute, hour and day rows of its finish, with its planned strategy and cache hit", () => {
    const id = task(NOW - 5000, { plan: { strategy: "vote", steps: [{ modelId: "a" }] }, latency: 2000 });
    applyRollups(db, { type: "task.completed", taskId: id, status: "completed", cached: true } as never, NOW);
    const rows = db.$client.prepare("SELECT dim, key, n, completed, cache_hits FROM metric_rollups_minute ORDER BY dim").all();
    expect(rows).toEqual([
      { dim: "strategy", key: "vote", n: 1, completed: 1, cache_hits: 1 },
      { dim: "task", key: "", n: 1, completed: 1, cache_hits: 1 },
    ]);
    for (const table of ["metric_rollups_hour", "metric_rollups_day"]) {
      expect(db.$client.prepare(`SELECT sum(n) AS n FROM ${table} WHERE dim = 'task'`).get()).toEqual({ n: 1 });
    }
  });

  it("counts a cache hit under the strategy that produced its answer, not the 'auto' it asked for", () => {
    const origin = task(NOW - 9000, { plan: { strategy: "mixture", steps: [{ modelId: "a" }] } });
    const hit = task(NOW - 5000);
    db.$client.prepare("UPDATE tasks SET cache_hit = 1, cached_from_task_id = ? WHERE id = ?").run(origin, hit);
    applyRollups(db, { type: "task.completed", taskId: hit, status: "completed", cached: true } as never, NOW);
    expect(db.$client.prepare("SELECT key, n, cache_hits FROM metric_rollups_minute WHERE dim = 'strategy'").all()).toEqual([{ key: "mixture", n: 1, cache_hits: 1 }]);
  });

  it("ignores events that change no counter, and a task it cannot find", () => {
    applyRollups(db, { type: "task.queued", taskId: "nope" }, NOW);
    applyRollups(db, { type: "task.completed", taskId: "nope", status: "completed" }, NOW);
    expect(db.$client.prepare("SELECT count(*) AS n FROM metric_rollups_minute").get()).toEqual({ n: 0 });
  });

  it("prunes minute rows past the retention on the first write of an hour", () => {
    const old = task(NOW - 3 * 24 * HOUR_MS);
    applyRollups(db, { type: "task.completed", taskId: old, status: "completed" }, NOW - 3 * 24 * HOUR_MS);
    expect(db.$client.prepare("SELECT count(*) AS n FROM metric_rollups_minute").get()).toEqual({ n: 2 });
    const fresh = task(NOW);
    applyRollups(db, { type: "task.completed", taskId: fresh, status: "completed" }, NOW);
    expect(db.$client.prepare("SELECT min(bucket_start) AS b FROM metric_rollups_minute").get()).toEqual({ b: Math.floor(NOW / 60_000) * 60_000 });
    expect(db.$client.prepare("SELECT sum(n) AS n FROM metric_rollups_hour WHERE dim = 'task'").get()).toEqual({ n: 2 });
  });
});

describe("selection efficiency", () => {
  it("compares the chosen model's quality with the best eligible one, in JS and in the writer's SQL alike", () => {
    const cands = (chosen: number) => ({
      strategy: "single",
      steps: [{ modelId: "a" }],
      explanation: { candidates: [{ modelId: "a", components: { quality: chosen } }, { modelId: "b", components: { quality: 0.8 } }, { modelId: "c", rejected: "x", components: { quality: 0.99 } }] },
    });
    expect(judgePlan(cands(0.78))).toBe(true);
    expect(judgePlan(cands(0.7))).toBe(false);
    expect(judgePlan({ steps: [{ modelId: "a" }] })).toBeNull();
    for (const [quality, at] of [[0.78, NOW - 3000], [0.5, NOW - 2000]] as const) {
      applyRollups(db, { type: "task.completed", taskId: task(at, { plan: cands(quality) }), status: "completed" }, at);
    }
    applyRollups(db, { type: "task.completed", taskId: task(NOW - 1000, { plan: { steps: [{ modelId: "a" }] } }), status: "completed" }, NOW - 1000);
    const metrics = createMetricsService({ db, roster: services.roster, registry: services.routing.registry, now: () => NOW });
    expect(metrics.overview("15m").quality.selection).toMatchObject({ evaluated: 2, efficient: 1, share: 0.5 });
  });
});

describe("learning effectiveness", () => {
  it("samples the latest non-manual profile point of each capability and averages |mean - skill|", () => {
    const w = windowOf("1h", NOW);
    const insert = db.$client.prepare("INSERT INTO profile_history (model_id, capability, mean, low, high, source, at) VALUES (?, ?, ?, 0, 1, ?, ?)");
    insert.run(model, "math", 0.5, "learned", w.from - 10); // before the window: in force at its start
    insert.run(model, "math", 0.7, "learned", w.from + 30 * 60_000);
    insert.run(model, "math", 0.0, "manual", w.from + 31 * 60_000);
    const points = learningEffectiveness(db, w, [model], () => ({ math: 0.8 }));
    expect(points).toHaveLength(12);
    expect(points[0]!.meanAbsError).toBeCloseTo(0.3);
    expect(points.at(-1)!.meanAbsError).toBeCloseTo(0.1);
    expect(points.at(-1)!.points).toBe(1);
    expect(learningEffectiveness(db, w, [model], () => null).every((p) => p.meanAbsError === null)).toBe(true);
  });

  it("thins the samples as the roster grows, so the seeks stay bounded", () => {
    const w = windowOf("30d", NOW);
    expect(sampleInstants(w, 10)).toHaveLength(12);
    expect(sampleInstants(w, 3000)).toHaveLength(2);
    expect(sampleInstants(w, 10).at(-1)).toBe(w.to);
  });
});

describe("profile samples", () => {
  it("keeps each recorded point once, at most PROFILE_SAMPLES per capability, older points at the window's start", () => {
    const w = windowOf("24h", NOW);
    const insert = db.$client.prepare("INSERT INTO profile_history (model_id, capability, mean, low, high, source, at) VALUES (?, 'code', ?, 0, 1, 'learned', ?)");
    insert.run(model, 0.4, w.from - HOUR_MS);
    for (let i = 1; i <= 500; i++) insert.run(model, 0.5 + i / 10_000, w.from + i * 60_000);
    const points = profileSamples(db, model, w);
    expect(points.length).toBeLessThanOrEqual(PROFILE_SAMPLES + 1);
    expect(points[0]).toMatchObject({ capability: "code", mean: 0.4, at: w.from });
    expect(new Set(points.map((p) => p.at)).size).toBe(points.length);
  });
});

describe("system and health", () => {
  it("queue counts come from the injected sources when present, else from the database", () => {
    task(NOW, { status: "queued" });
    task(NOW, { status: "running" });
    expect(queueCounts(db)).toEqual({ running: 1, queued: 1 });
    expect(systemStats(db)).toMatchObject({ running: 1, queued: 1, cache: null });
    const s = systemStats(db, { queueDepth: () => 7, activeTasks: () => 3, cacheStats: () => ({ hits: 2, misses: 1, entries: 5 }) });
    expect(s).toMatchObject({ running: 3, queued: 7, cache: { entries: 5 } });
    expect(s.databaseBytes).toBeGreaterThan(0);
    expect(s.rssBytes).toBeGreaterThan(0);
  });

  it("health reports the breakers' snapshot when wired in, and is degraded when every breaker is open", () => {
    const deps = { db, roster: services.roster, registry: services.routing.registry, now: () => NOW, queueDepth: () => 4 };
    expect(createMetricsService(deps).health()).toMatchObject({ status: "ok", database: true, queueDepth: 4 });
    const allOpen = () => services.roster.list().map((m) => ({ modelId: m.id, state: "open" as const, failures: 5, openedAt: NOW, nextProbeAt: NOW + 1000 }));
    const open = createMetricsService({ ...deps, breakerSnapshot: allOpen });
    expect(open.health()).toMatchObject({ status: "degraded", breakers: { open: services.roster.list().filter((m) => m.enabled).length, closed: 0 } });
    const overview = open.overview("15m");
    expect(overview.breakers.source).toBe("breakers");
    expect(overview.roster[0]).toMatchObject({ health: "open", breakerFailures: 5, nextProbeAt: NOW + 1000 });
    expect(breakerCounts([{ health: "open", enabled: true }, { health: "half-open", enabled: true }, { health: "closed", enabled: false }])).toEqual({ open: 1, halfOpen: 1, closed: 0 });
  });

  it("counts an open breaker whose probe is due as half-open, as routing does, so health recovers without traffic", () => {
    const enabled = services.roster.list().filter((m) => m.enabled).length;
    let at = NOW;
    const allOpen = () => services.roster.list().map((m) => ({ modelId: m.id, state: "open" as const, failures: 5, openedAt: NOW, nextProbeAt: NOW + 1000 }));
    const metrics = createMetricsService({ db, roster: services.roster, registry: services.routing.registry, now: () => at, breakerSnapshot: allOpen });
    expect(metrics.health()).toMatchObject({ status: "degraded", breakers: { open: enabled, halfOpen: 0 } });
    at = NOW + 1000;
    expect(metrics.health()).toMatchObject({ status: "ok", breakers: { open: 0, halfOpen: enabled } });
    expect(metrics.overview("15m").roster[0]).toMatchObject({ health: "half-open", nextProbeAt: NOW + 1000 });
  });

  it("metricsDepsOf picks the live sources a services bundle carries", () => {
    const deps = metricsDepsOf({
      db,
      roster: services.roster,
      routing: services.routing,
      queue: { depth: () => 9, active: () => 2 },
      cache: { stats: () => ({ hits: 1, misses: 1, entries: 1 }) },
      breakers: { snapshot: () => [] },
    });
    expect(deps.queueDepth?.()).toBe(9);
    expect(deps.activeTasks?.()).toBe(2);
    expect(deps.cacheStats?.()).toEqual({ hits: 1, misses: 1, entries: 1 });
    expect(deps.breakerSnapshot?.()).toEqual([]);
  });

  it("the overview's cache hit rate is n/a without a cache and without hits, a rate otherwise", () => {
    const id = task(NOW);
    applyRollups(db, { type: "task.completed", taskId: id, status: "completed" }, NOW);
    const base = { db, roster: services.roster, registry: services.routing.registry, now: () => NOW };
    expect(createMetricsService(base).overview("15m").kpis).toMatchObject({ tasks: 1, cacheHitRate: null, cacheKnown: false });
    expect(createMetricsService({ ...base, cacheStats: () => ({ hits: 0, misses: 1, entries: 0 }) }).overview("15m").kpis).toMatchObject({ cacheHitRate: 0, cacheKnown: true });
  });

  it("tasks per minute are over the time the window has covered so far, not the whole span of its label", () => {
    const id = task(NOW);
    applyRollups(db, { type: "task.completed", taskId: id, status: "completed" }, NOW);
    // NOW is 30 s into its minute: the 15-minute window (whole minutes, the current one included) has covered 14.5 minutes
    const kpis = createMetricsService({ db, roster: services.roster, registry: services.routing.registry, now: () => NOW }).overview("15m").kpis;
    expect(kpis.tasksPerMinute).toBeCloseTo(1 / 14.5, 10);
  });

  it("the overview names what shadow evaluation spent in the range, apart from task spend", () => {
    const id = task(NOW);
    applyRollups(db, { type: "task.completed", taskId: id, status: "completed" }, NOW);
    const shadowCall = (at: number, cost: number) =>
      db.$client
        .prepare(`INSERT INTO shadow_outcomes (task_id, shadow_model_id, status, cost_usd, created_at) VALUES (?, ?, 'completed', ?, ?)`)
        .run(id, model, cost, at);
    shadowCall(NOW - 60_000, 0.002);
    shadowCall(NOW - 120_000, 0.003);
    shadowCall(NOW - 2 * HOUR_MS, 0.5); // outside the last hour
    const metrics = createMetricsService({ db, roster: services.roster, registry: services.routing.registry, now: () => NOW });
    const kpis = metrics.overview("1h").kpis;
    expect(kpis).toMatchObject({ spendUsd: 0.01, shadowCalls: 2 });
    expect(kpis.shadowSpendUsd).toBeCloseTo(0.005, 10);
    expect(metrics.overview("24h").kpis).toMatchObject({ shadowCalls: 3 });
  });

  it("a model page 404s an unknown model", () => {
    const metrics = createMetricsService({ db, roster: services.roster, registry: services.routing.registry, now: () => NOW });
    expect(() => metrics.model("missing", "1h")).toThrow(/does not exist/);
    expect(metrics.model(model, "1h")).toMatchObject({ totals: { requests: 0 }, histogram: [], errors: { failed: [], retried: [] } });
  });
});

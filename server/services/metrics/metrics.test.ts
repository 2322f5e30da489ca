import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { seedDemoRoster } from "@/db/seed";
import { createServices, type Services } from "@/server/services/app";
import { errorBreakdown, firstEventIdAt } from "./errors";
import { countByKind, errorKindOf } from "./error-kinds";
import { breakerCounts } from "./health";
import { percentiles, quantile } from "./histogram";
import { learningEffectiveness } from "./learning";
import { modelSeries } from "./model-series";
import { windowOf } from "./ranges";
import { judgePlan, selectionEfficiency } from "./selection";
import { stepStats } from "./step-stats";
import { strategyStats } from "./strategies";
import { queueCounts, systemStats } from "./system";
import { taskBuckets } from "./task-buckets";
import { createMetricsService } from "./index";

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
      `INSERT INTO tasks (id, prompt, status, strategy, policy, constraints, source, primary_capability, plan, cost_usd, latency_ms, created_at)
       VALUES (?, 'p', ?, 'auto', 'balanced', '{}', 'ui', ?, ?, ?, ?, ?)`,
    )
    .run(id, patch.status ?? "completed", patch.capability ?? "math", patch.plan ? JSON.stringify(patch.plan) : null, patch.cost ?? 0.01, patch.latency === undefined ? 1000 : patch.latency, at);
  return id;
}

function step(taskId: string, index: number, at: number, patch: Partial<{ status: string; latency: number; error: string; ttft: number }> = {}) {
  db.$client
    .prepare(
      `INSERT INTO task_steps (task_id, step_index, role, model_id, status, error, input_tokens, output_tokens, cost_usd, latency_ms, first_token_ms, started_at)
       VALUES (?, ?, 'answer', ?, ?, ?, 10, 20, 0.005, ?, ?, ?)`,
    )
    .run(taskId, index, model, patch.status ?? "completed", patch.error ?? null, patch.status === "failed" ? null : (patch.latency ?? 800), patch.ttft ?? null, at);
}

beforeEach(() => {
  db = createDb(":memory:");
  seedDemoRoster(db);
  services = createServices(db);
  model = services.roster.list()[0]!.id;
});

describe("histogram", () => {
  it("estimates quantiles within a bin's width and is null when empty", () => {
    expect(quantile([], 0.5)).toBeNull();
    const bins = [{ bin: 40, n: 90 }, { bin: 48, n: 10 }]; // 2^10 = 1024 ms, 2^12 = 4096 ms
    const p = percentiles(bins);
    expect(p.p50).toBeGreaterThan(1024);
    expect(p.p50).toBeLessThan(1024 * 2 ** 0.25);
    expect(p.p95).toBeGreaterThan(4096);
    expect(p.p99).toBe(p.p95);
  });
});

describe("error kinds", () => {
  it("classifies provider messages and folds counts", () => {
    expect(errorKindOf("sim: 429 Too Many Requests")).toBe("rate-limit");
    expect(errorKindOf("request timed out after 30000 ms")).toBe("timeout");
    expect(errorKindOf("stream ended without a finish part")).toBe("cut-stream");
    expect(errorKindOf("upstream 503 server error")).toBe("server");
    expect(errorKindOf("weird")).toBe("other");
    expect(countByKind([{ error: "429", n: 2 }, { error: "rate limited", n: 1 }, { error: null, n: 1 }])).toEqual([
      { kind: "rate-limit", count: 3 },
      { kind: "other", count: 1 },
    ]);
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

describe("bucket queries", () => {
  it("taskBuckets counts per minute with every bucket present and ignores tasks outside the window", () => {
    const w = windowOf("15m", NOW);
    task(w.from + 5, { cost: 0.5 });
    task(w.from + 10, { status: "failed", latency: 4000 });
    task(w.to - 1000, { status: "running", latency: null });
    task(w.from - 1);
    const { buckets, totals } = taskBuckets(db, w);
    expect(buckets).toHaveLength(15);
    expect(buckets[0]).toMatchObject({ tasks: 2, completed: 1, failed: 1 });
    expect(buckets[0]!.costUsd).toBeCloseTo(0.51);
    expect(buckets[14]).toMatchObject({ tasks: 1, p95Ms: null });
    expect(totals).toMatchObject({ tasks: 3, completed: 1, failed: 1 });
    expect(totals.latency.p95).toBeGreaterThan(3500);
  });

  it("stepStats groups by model and capability with error rate, ttft and tokens", () => {
    const w = windowOf("1h", NOW);
    const a = task(w.from + 1000, { capability: "code" });
    step(a, 0, w.from + 1000, { latency: 500, ttft: 100 });
    step(a, 1, w.from + 2000, { status: "failed", error: "429" });
    const { byModel, byCapability } = stepStats(db, w);
    expect(byModel).toHaveLength(1);
    expect(byModel[0]).toMatchObject({ key: model, requests: 2, completed: 1, failed: 1, errorRate: 0.5, ttftMs: 100, inputTokens: 20, outputTokens: 40 });
    expect(byModel[0]!.latency.p50).toBeGreaterThan(450);
    expect(byCapability[0]).toMatchObject({ key: "code", requests: 2 });
  });

  it("modelSeries buckets one model's calls and builds its histogram", () => {
    const w = windowOf("24h", NOW);
    const a = task(w.from + 10);
    step(a, 0, w.from + 10, { latency: 100 });
    step(a, 1, w.from + 3_600_000 * 2 + 5, { latency: 10_000 });
    const s = modelSeries(db, model, w);
    expect(s.buckets).toHaveLength(24);
    expect(s.buckets[0]!.requests).toBe(1);
    expect(s.buckets[2]!.requests).toBe(1);
    expect(s.bins).toHaveLength(2);
    expect(modelSeries(db, "nope", w).bins).toEqual([]);
  });

  it("errorBreakdown counts failed steps and retried events by kind", () => {
    const w = windowOf("1h", NOW);
    const a = task(w.from + 10);
    step(a, 0, w.from + 10, { status: "failed", error: "timed out" });
    const event = db.$client.prepare("INSERT INTO task_events (task_id, type, payload, at) VALUES (?, ?, ?, ?)");
    event.run(a, "step.retried", JSON.stringify({ modelId: model, error: "429 rate limit" }), w.from - 10); // before the window
    event.run(a, "step.retried", JSON.stringify({ modelId: model, error: "429 rate limit" }), w.from + 20);
    event.run(a, "step.retried", JSON.stringify({ modelId: "other", error: "429" }), w.from + 30);
    expect(firstEventIdAt(db, w.from)).toBe(2);
    expect(errorBreakdown(db, model, w)).toEqual({ failed: [{ kind: "timeout", count: 1 }], retried: [{ kind: "rate-limit", count: 1 }] });
  });

  it("strategyStats groups by the planned strategy and reports no cache hits", () => {
    const w = windowOf("1h", NOW);
    task(w.from + 1, { plan: { strategy: "vote", steps: [{}, {}, {}] } });
    task(w.from + 2, { plan: { strategy: "vote", steps: [{}] } });
    task(w.from + 3);
    const rows = strategyStats(db, w);
    expect(rows.find((r) => r.strategy === "vote")).toMatchObject({ tasks: 2, avgSteps: 2, cacheHits: 0 });
    expect(rows.find((r) => r.strategy === "auto")).toMatchObject({ tasks: 1 });
  });

  it("selection efficiency compares the chosen model's quality with the best eligible one", () => {
    const cands = (chosen: number) => ({
      steps: [{ modelId: "a" }],
      explanation: { candidates: [{ modelId: "a", components: { quality: chosen } }, { modelId: "b", components: { quality: 0.8 } }, { modelId: "c", rejected: "x", components: { quality: 0.99 } }] },
    });
    expect(judgePlan(cands(0.78))).toBe(true);
    expect(judgePlan(cands(0.7))).toBe(false);
    expect(judgePlan({ steps: [{ modelId: "a" }] })).toBeNull();
    const w = windowOf("1h", NOW);
    task(w.from + 1, { plan: cands(0.78) });
    task(w.from + 2, { plan: cands(0.5) });
    expect(selectionEfficiency(db, w)).toMatchObject({ evaluated: 2, efficient: 1, share: 0.5 });
  });

  it("learning effectiveness averages |mean - skill| per bucket for known skills only", () => {
    const w = windowOf("1h", NOW);
    const insert = db.$client.prepare("INSERT INTO profile_history (model_id, capability, mean, low, high, source, at) VALUES (?, ?, ?, 0, 1, ?, ?)");
    insert.run(model, "math", 0.5, "learned", w.from + 10);
    insert.run(model, "math", 0.7, "learned", w.from + 20);
    insert.run(model, "math", 0.0, "manual", w.from + 30);
    const points = learningEffectiveness(db, w, [model], () => ({ math: 0.8 }));
    expect(points).toHaveLength(60);
    expect(points[0]!.meanAbsError).toBeCloseTo(0.2);
    expect(points[0]!.points).toBe(2);
    expect(points[1]!.meanAbsError).toBeNull();
    expect(learningEffectiveness(db, w, [model], () => null)[0]!.points).toBe(0);
  });

  it("queue counts and system stats read the database and the process", () => {
    const w = windowOf("1h", NOW);
    task(w.from, { status: "queued" });
    task(w.from, { status: "running" });
    expect(queueCounts(db)).toEqual({ running: 1, queued: 1 });
    const s = systemStats(db);
    expect(s.databaseBytes).toBeGreaterThan(0);
    expect(s.rssBytes).toBeGreaterThan(0);
    expect(s.cacheHitRate).toBeNull();
  });
});

describe("metrics service", () => {
  it("overview and model views agree and health counts breakers", () => {
    const metrics = createMetricsService({ db, roster: services.roster, registry: services.routing.registry, now: () => NOW });
    const w = windowOf("1h", NOW);
    const a = task(w.from + 5);
    step(a, 0, w.from + 5);
    const overview = metrics.overview("1h");
    expect(overview.kpis.tasks).toBe(1);
    expect(overview.kpis.cacheHitRate).toBeNull();
    expect(overview.roster.find((r) => r.id === model)?.requests).toBe(1);
    expect(metrics.model(model, "1h").totals.requests).toBe(1);
    expect(() => metrics.model("missing", "1h")).toThrow(/does not exist/);
    expect(metrics.health()).toMatchObject({ status: "ok", database: true });
    expect(breakerCounts([{ health: "open", enabled: true }, { health: "half-open", enabled: true }, { health: "closed", enabled: false }])).toEqual({
      open: 1,
      halfOpen: 1,
      closed: 0,
    });
  });
});

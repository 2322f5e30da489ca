import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { DAY_MS, HOUR_MS, latencyBinOf, LATENCY_BIN_COUNT, MINUTE_MS, ROLLUP_ERROR_KINDS, ROLLUP_TABLES } from "@/db/rollup-layout";
import { seedDemoRoster } from "@/db/seed";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { createServices, type Services } from "@/server/services/app";
import { errorKindOf } from "./error-kinds";
import { createMetricsService, METRIC_RANGES } from "./index";
import { windowOf } from "./ranges";
import { backfillRollups, ensureRollups } from "./rollup-backfill";
import { coverOf } from "./rollup-cover";
import { applyRollups } from "./rollup-writer";
import { judgePlan, type PlanLike } from "./selection";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

/**
 * Rollup == raw recomputation: a random history of tasks, calls and retries is written to the raw tables
 * and fed to the live writer event by event; every dashboard figure is then recomputed here, in plain
 * JavaScript over the raw rows, and compared range by range. The backfill must rebuild the same tables.
 */
const NOW = Date.UTC(2025, 5, 10, 12, 34, 56);
const STRATEGIES = ["single", "cascade", "vote", "mixture"];
const CAPS = ["math", "code", "writing"];
const ERRORS = ["sim: 429 Too Many Requests", "request timed out", "upstream 503 server error", "weird failure"];

interface RawTask {
  id: string;
  status: "completed" | "failed" | "cancelled";
  strategy: string;
  capability: string | null;
  cost: number;
  tin: number;
  tout: number;
  latency: number | null;
  completedAt: number;
  cached: boolean;
  plan: PlanLike | null;
  steps: number;
}
interface RawCall {
  taskId: string;
  model: string;
  capability: string | null;
  status: "completed" | "failed";
  latency: number | null;
  ttft: number | null;
  tin: number;
  tout: number;
  cost: number;
  error: string | null;
  endedAt: number;
}
interface RawRetry {
  model: string;
  error: string;
  at: number;
}

// a fixed-seed generator: the same dataset every run
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

let db: Db;
let services: Services;
let models: string[];
const tasks: RawTask[] = [];
const calls: RawCall[] = [];
const retries: RawRetry[] = [];

function plan(models: string[]): PlanLike | null {
  if (rand() < 0.2) return null;
  const candidates = models.slice(0, 3).map((m) => ({ modelId: m, components: { quality: Math.round(rand() * 100) / 100 }, ...(rand() < 0.2 ? { rejected: "too slow" } : {}) }));
  return { steps: [{ modelId: pick(models.slice(0, 3)) }], explanation: { candidates } };
}

beforeAll(() => {
  db = createDb(":memory:");
  seedDemoRoster(db);
  services = createServices(db);
  models = services.roster.list().map((m) => m.id);
  const insertTask = db.$client.prepare(
    `INSERT INTO tasks (id, prompt, status, strategy, policy, constraints, source, primary_capability, plan, cost_usd, input_tokens, output_tokens, latency_ms, created_at, completed_at, cache_hit)
     VALUES (?, 'p', ?, ?, 'balanced', '{}', 'ui', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStep = db.$client.prepare(
    `INSERT INTO task_steps (task_id, step_index, role, model_id, status, error, input_tokens, output_tokens, cost_usd, latency_ms, first_token_ms, started_at, ended_at)
     VALUES (?, ?, 'answer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const events: { at: number; event: TaskEvent; write: () => void }[] = [];
  for (let i = 0; i < 900; i++) {
    const id = `t${i}`;
    // most activity near now (minute ranges), the rest spread over 40 days (hour and day rows, edges)
    const completedAt = NOW - Math.floor(rand() < 0.5 ? rand() * 7 * HOUR_MS : rand() * 40 * DAY_MS);
    const status = pick(["completed", "completed", "completed", "failed", "cancelled"] as const);
    const strategy = pick(STRATEGIES);
    const capability = rand() < 0.1 ? null : pick(CAPS);
    const p = plan(models);
    const n = 1 + Math.floor(rand() * 3);
    const task: RawTask = {
      id,
      status,
      strategy,
      capability,
      cost: 0,
      tin: 0,
      tout: 0,
      latency: rand() < 0.05 ? null : Math.floor(rand() * 20_000),
      completedAt,
      cached: status === "completed" && rand() < 0.15,
      plan: p,
      steps: n,
    };
    for (let s = 0; s < n; s++) {
      const failed = rand() < 0.2;
      const latency = failed ? null : 1 + Math.floor(rand() * 9000);
      const call: RawCall = {
        taskId: id,
        model: pick(models),
        capability,
        status: failed ? "failed" : "completed",
        latency,
        ttft: failed || rand() < 0.3 ? null : Math.floor((latency ?? 0) / 3),
        tin: failed ? 0 : Math.floor(rand() * 500),
        tout: failed ? 0 : Math.floor(rand() * 300),
        cost: failed ? 0 : Math.round(rand() * 1e6) / 1e9,
        error: failed ? pick(ERRORS) : null,
        endedAt: completedAt - (n - s) * 1000,
      };
      task.cost += call.cost;
      task.tin += call.tin;
      task.tout += call.tout;
      calls.push(call);
      const stepIndex = s;
      events.push({
        at: call.endedAt,
        write: () =>
          insertStep.run(id, stepIndex, call.model, call.status, call.error, call.tin, call.tout, call.cost, call.latency, call.ttft, call.endedAt - 500, call.endedAt),
        event:
          call.status === "completed"
            ? { type: "step.completed", taskId: id, stepIndex, modelId: call.model, output: "x", inputTokens: call.tin, outputTokens: call.tout, costUsd: call.cost, latencyMs: call.latency!, ...(call.ttft === null ? {} : { firstTokenMs: call.ttft }) }
            : { type: "step.failed", taskId: id, stepIndex, modelId: call.model, error: call.error! },
      });
      if (rand() < 0.15) {
        const retry: RawRetry = { model: call.model, error: pick(ERRORS), at: call.endedAt - 200 };
        retries.push(retry);
        events.push({
          at: retry.at,
          write: () =>
            db.$client.prepare("INSERT INTO task_events (task_id, type, payload, at) VALUES (?, 'step.retried', ?, ?)").run(id, JSON.stringify({ type: "step.retried", taskId: id, stepIndex, modelId: retry.model, attempt: 1, error: retry.error }), retry.at),
          event: { type: "step.retried", taskId: id, stepIndex, modelId: retry.model, attempt: 1, error: retry.error },
        });
      }
    }
    tasks.push(task);
    insertTask.run(id, status, strategy, capability, p ? JSON.stringify(p) : null, task.cost, task.tin, task.tout, task.latency, completedAt - 60_000, completedAt, task.cached ? 1 : 0);
    events.push({
      at: completedAt,
      write: () => undefined,
      event:
        status === "completed"
          ? ({ type: "task.completed", taskId: id, status, cached: task.cached } as TaskEvent)
          : { type: "task.failed", taskId: id, status, error: "x" },
    });
  }
  // the live order: every event once, in time; the step rows exist before their task's completion is counted
  events.sort((a, b) => a.at - b.at);
  for (const e of events) {
    e.write();
    applyRollups(db, e.event, e.at);
  }
});

const inWindow = (at: number, w: { from: number; to: number }) => at >= w.from && at < w.to;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function histogramOf(values: number[]): number[] {
  const h = new Array<number>(LATENCY_BIN_COUNT).fill(0);
  for (const v of values) h[latencyBinOf(v)]! += 1;
  return h;
}

describe("rollups equal a recomputation from the raw rows", () => {
  const metrics = () => createMetricsService({ db, roster: services.roster, registry: services.routing.registry, now: () => NOW });

  it.each(METRIC_RANGES)("overview %s: buckets, totals, per model, per capability, per strategy, selection", (range) => {
    const w = windowOf(range, NOW);
    const o = metrics().overview(range);
    const ts = tasks.filter((t) => inWindow(t.completedAt, w));
    expect(o.kpis.tasks).toBe(ts.length);
    expect(o.totals.completed).toBe(ts.filter((t) => t.status === "completed").length);
    expect(o.totals.failed).toBe(ts.filter((t) => t.status === "failed").length);
    expect(o.totals.cancelled).toBe(ts.filter((t) => t.status === "cancelled").length);
    expect(o.totals.cacheHits).toBe(ts.filter((t) => t.cached).length);
    expect(o.totals.costUsd).toBeCloseTo(sum(ts.map((t) => t.cost)), 9);
    for (const [i, b] of o.buckets.entries()) {
      const inBucket = ts.filter((t) => Math.floor((t.completedAt - w.from) / w.bucketMs) === i);
      expect(b.tasks).toBe(inBucket.length);
      expect(b.failed).toBe(inBucket.filter((t) => t.status === "failed").length);
    }
    // p95 from the merged histogram falls in the bin of the true p95
    const latencies = ts.flatMap((t) => (t.latency === null ? [] : [t.latency])).sort((a, b) => a - b);
    if (latencies.length) {
      const truth = latencies[Math.ceil(0.95 * latencies.length) - 1]!;
      expect(latencyBinOf(o.totals.latency.p95!)).toBe(latencyBinOf(truth));
    }
    const judged = ts.filter((t) => t.plan).map((t) => judgePlan(t.plan!)).filter((v) => v !== null);
    expect(o.quality.selection.evaluated).toBe(judged.length);
    expect(o.quality.selection.efficient).toBe(judged.filter(Boolean).length);
    for (const s of o.strategies) {
      const of = ts.filter((t) => t.strategy === s.strategy);
      expect(s.tasks).toBe(of.length);
      expect(s.avgSteps).toBeCloseTo(sum(of.map((t) => t.steps)) / of.length, 9);
    }
    expect(sum(o.strategies.map((s) => s.tasks))).toBe(ts.length);

    const cs = calls.filter((c) => inWindow(c.endedAt, w));
    for (const m of o.byModel) {
      const of = cs.filter((c) => c.model === m.key);
      expect(m.requests).toBe(of.length);
      expect(m.failed).toBe(of.filter((c) => c.status === "failed").length);
      expect(m.inputTokens).toBe(sum(of.map((c) => c.tin)));
      expect(m.costUsd).toBeCloseTo(sum(of.map((c) => c.cost)), 9);
      expect(m.retried).toBe(retries.filter((r) => r.model === m.key && inWindow(r.at, w)).length);
      const ttfts = of.flatMap((c) => (c.ttft === null ? [] : [c.ttft]));
      expect(m.ttftMs).toBe(ttfts.length ? Math.round(sum(ttfts) / ttfts.length) : null);
    }
    expect(sum(o.byModel.map((m) => m.requests))).toBe(cs.length);
    for (const c of o.byCapability) expect(c.requests).toBe(cs.filter((x) => (x.capability ?? "unknown") === c.key).length);
  });

  it.each(METRIC_RANGES)("model page %s: buckets, latency histogram and errors by kind", (range) => {
    const w = windowOf(range, NOW);
    const model = models[0]!;
    const page = metrics().model(model, range);
    const of = calls.filter((c) => c.model === model && inWindow(c.endedAt, w));
    expect(page.totals.requests).toBe(of.length);
    expect(page.buckets.map((b) => b.requests)).toEqual(
      Array.from({ length: w.buckets }, (_, i) => of.filter((c) => Math.floor((c.endedAt - w.from) / w.bucketMs) === i).length),
    );
    const hist = histogramOf(of.flatMap((c) => (c.latency === null ? [] : [c.latency])));
    expect(page.histogram.map((b) => b.count)).toEqual(hist.filter((n) => n > 0));
    const failedKinds = ROLLUP_ERROR_KINDS.map((kind) => ({ kind, count: of.filter((c) => c.status === "failed" && errorKindOf(c.error) === kind).length })).filter((k) => k.count);
    expect(page.errors.failed).toEqual(failedKinds);
    const rs = retries.filter((r) => r.model === model && inWindow(r.at, w));
    expect(sum(page.errors.retried.map((r) => r.count))).toBe(rs.length);
  });

  it("the backfill rebuilds the tables the live writer kept", () => {
    const dump = (table: string, since = 0) =>
      (db.$client.prepare(`SELECT * FROM ${table} WHERE bucket_start >= ? ORDER BY dim, bucket_start, key`).all(since) as Record<string, unknown>[]).map((r) => ({
        ...r,
        cost_usd: Math.round((r.cost_usd as number) * 1e9),
      }));
    // minute rows: compare inside the retention window only (the writer prunes on the hour, the backfill at `now`)
    const since = NOW - 47 * HOUR_MS;
    const live = { minute: dump(ROLLUP_TABLES.minute, since), hour: dump(ROLLUP_TABLES.hour), day: dump(ROLLUP_TABLES.day) };
    const counted = backfillRollups(db, NOW);
    expect(counted).toEqual({ tasks: tasks.length, calls: calls.length, retries: retries.length });
    expect(dump(ROLLUP_TABLES.day)).toEqual(live.day);
    expect(dump(ROLLUP_TABLES.hour)).toEqual(live.hour);
    expect(dump(ROLLUP_TABLES.minute, since)).toEqual(live.minute);
  });
});

describe("rollup cover", () => {
  it("tiles a window with whole days, then hours, then minutes at the edges", () => {
    const from = Date.UTC(2025, 0, 1, 22, 30);
    const to = Date.UTC(2025, 0, 4, 1, 15);
    const segments = coverOf(from, to, "minute");
    expect(segments.map((s) => s.grain)).toEqual(["minute", "hour", "day", "hour", "minute"]);
    expect(segments[2]).toEqual({ grain: "day", from: Date.UTC(2025, 0, 2), to: Date.UTC(2025, 0, 4) });
    expect(segments[0]).toMatchObject({ from, to: Date.UTC(2025, 0, 1, 23) });
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.from).toBe(segments[i - 1]!.to);
    expect(segments.at(-1)!.to).toBe(to);
  });

  it("never uses a grain finer than the window's, and tiles random windows exactly", () => {
    for (let i = 0; i < 200; i++) {
      const from = Math.floor(rand() * 100 * DAY_MS / HOUR_MS) * HOUR_MS;
      const to = from + Math.ceil(rand() * 40 * DAY_MS / HOUR_MS) * HOUR_MS;
      const segments = coverOf(from, to, "hour");
      expect(segments.every((s) => s.grain !== "minute")).toBe(true);
      expect(sum(segments.map((s) => s.to - s.from))).toBe(to - from);
      expect(segments.filter((s) => s.grain === "hour").length).toBeLessThanOrEqual(2);
    }
    expect(coverOf(0, 15 * MINUTE_MS, "minute")).toEqual([{ grain: "minute", from: 0, to: 15 * MINUTE_MS }]);
  });
});

describe("ensureRollups", () => {
  it("builds rollups once for a database that had tasks before them, and only marks a fresh one", () => {
    const fresh = createDb(":memory:");
    seedDemoRoster(fresh);
    const model = (fresh.$client.prepare("SELECT id FROM models LIMIT 1").get() as { id: string }).id;
    fresh.$client
      .prepare(`INSERT INTO tasks (id, prompt, status, strategy, policy, constraints, source, cost_usd, latency_ms, created_at, completed_at) VALUES ('a', 'p', 'completed', 'single', 'balanced', '{}', 'ui', 0.5, 1200, ?, ?)`)
      .run(NOW - 1000, NOW - 500);
    fresh.$client
      .prepare(`INSERT INTO task_steps (task_id, step_index, role, model_id, status, latency_ms, started_at, ended_at) VALUES ('a', 0, 'answer', ?, 'completed', 900, ?, ?)`)
      .run(model, NOW - 900, NOW - 600);
    const lines: string[] = [];
    ensureRollups(fresh, NOW, (l) => lines.push(l));
    expect(lines[0]).toMatch(/built metric rollups from 1 tasks and 1 model calls/);
    const count = () => (fresh.$client.prepare(`SELECT sum(n) AS n FROM ${ROLLUP_TABLES.hour} WHERE dim = 'task'`).get() as { n: number }).n;
    expect(count()).toBe(1);
    ensureRollups(fresh, NOW, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    expect(count()).toBe(1);

    const empty = createDb(":memory:");
    ensureRollups(empty, NOW);
    expect(empty.$client.prepare("SELECT name FROM metric_rollup_state").all()).toEqual([{ name: "backfill" }]);
  });
});

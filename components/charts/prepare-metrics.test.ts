import { describe, expect, it } from "vitest";
import { prepareCostSeries, prepareErrorBreakdown, prepareLatencyHistogram, requestSeries } from "./prepare-metrics-model";
import { breakerSummary, overviewHasData, prepareKpis, prepareRosterHealth, type OverviewLike } from "./prepare-metrics-overview";
import { bucketTickFormat, hasData, perMinuteSeries, successSeries, toSeries } from "./prepare-metrics-series";

const HOUR = 3_600_000;

function overview(tasks: number): OverviewLike {
  return {
    window: { range: "24h", label: "Last 24 hours", from: 0, to: 2 * HOUR, bucketMs: HOUR, buckets: 2 },
    kpis: { tasks, tasksPerMinute: tasks / 120, successRate: tasks ? 0.5 : null, p95Ms: tasks ? 1500 : null, spendUsd: 0.25, cacheHitRate: null },
    buckets: [
      { t: 0, tasks, completed: tasks ? 1 : 0, failed: tasks ? 1 : 0, costUsd: 0.25, p95Ms: tasks ? 1500 : null },
      { t: HOUR, tasks: 0, completed: 0, failed: 0, costUsd: 0, p95Ms: null },
    ],
  };
}

describe("prepare-metrics-series", () => {
  it("turns buckets into points with gaps for missing values", () => {
    expect(toSeries([{ t: 1, v: 2 }, { t: 2, v: null }, { t: 3, v: Number.NaN }], (b) => b.v)).toEqual([
      { t: 1, v: 2 },
      { t: 2, v: null },
      { t: 3, v: null },
    ]);
    expect(hasData([{ t: 1, v: 0 }, { t: 2, v: null }])).toBe(false);
    expect(hasData([{ t: 1, v: 3 }])).toBe(true);
  });

  it("success and per-minute series", () => {
    expect(successSeries([{ t: 0, completed: 3, failed: 1 }, { t: 1, completed: 0, failed: 0 }]).map((p) => p.v)).toEqual([0.75, null]);
    expect(perMinuteSeries([{ t: 0, tasks: 120 }], HOUR)[0]!.v).toBe(2);
  });

  it("formats ticks by bucket size", () => {
    expect(bucketTickFormat(60_000, HOUR, "UTC")(Date.UTC(2025, 0, 1, 9, 5))).toBe("09:05");
    expect(bucketTickFormat(HOUR, 7 * 24 * HOUR, "UTC")(Date.UTC(2025, 0, 3, 14))).toMatch(/Jan 3/);
  });
});

describe("prepare-metrics-overview", () => {
  it("builds five KPIs, the cache one n/a", () => {
    const kpis = prepareKpis(overview(2));
    expect(kpis.map((k) => k.key)).toEqual(["throughput", "success", "p95", "spend", "cache"]);
    expect(kpis[1]!.value).toBe("50.0%");
    expect(kpis[2]!.value).toBe("1.50 s");
    expect(kpis[4]).toMatchObject({ value: "n/a", raw: null, spark: [] });
    expect(kpis[0]!.spark).toHaveLength(2);
  });

  it("turns the cache KPI on once a cache reports, with a per-bucket hit-rate sparkline", () => {
    const o = overview(2);
    const withCache: OverviewLike = {
      ...o,
      kpis: { ...o.kpis, cacheHitRate: 0.5, cacheKnown: true },
      buckets: [{ ...o.buckets[0]!, cacheHits: 1 }, { ...o.buckets[1]!, cacheHits: 0 }],
    };
    const cache = prepareKpis(withCache)[4]!;
    expect(cache).toMatchObject({ value: "50.0%", raw: 0.5, hint: "answered from the result cache / finished" });
    expect(cache.spark.map((p) => p.v)).toEqual([0.5, null]);
  });

  it("names shadow evaluation's spend beside the task spend, which it is not part of", () => {
    const o = overview(2);
    expect(prepareKpis(o)[3]!.hint).toBe("sum of task cost");
    const spend = prepareKpis({ ...o, kpis: { ...o.kpis, shadowSpendUsd: 0.0125, shadowCalls: 3 } })[3]!;
    expect(spend).toMatchObject({ value: prepareKpis(o)[3]!.value, raw: 0.25 });
    expect(spend.hint).toMatch(/^sum of task cost; \+ \$0\.01\d* shadow evaluation \(3 calls\)$/);
  });

  it("summarises breakers in one line", () => {
    expect(breakerSummary({ open: 0, halfOpen: 0, closed: 7 })).toBe("all 7 closed");
    expect(breakerSummary({ open: 1, halfOpen: 2, closed: 4 })).toBe("1 open, 2 half-open, 4 closed");
    expect(breakerSummary({ open: 0, halfOpen: 0, closed: 0 })).toBe("no enabled models");
  });

  it("detects an empty range", () => {
    expect(overviewHasData(overview(0))).toBe(false);
    expect(overviewHasData(overview(2))).toBe(true);
  });

  it("sorts roster health so trouble comes first and picks tones", () => {
    const rows = prepareRosterHealth([
      { id: "a", name: "A", health: "closed", enabled: true, recentErrorRate: 0.01, routerErrorRate: 0.02, requests: 5 },
      { id: "b", name: "B", health: "open", enabled: true, recentErrorRate: null, routerErrorRate: 0.9, requests: 0 },
      { id: "c", name: "C", health: "closed", enabled: true, recentErrorRate: 0.5, routerErrorRate: 0.4, requests: 2 },
      { id: "d", name: "D", health: "closed", enabled: false, recentErrorRate: null, routerErrorRate: null, requests: 0 },
    ]);
    expect(rows.map((r) => r.id)).toEqual(["b", "c", "a", "d"]);
    expect(rows.map((r) => r.tone)).toEqual(["red", "amber", "green", "neutral"]);
    expect(rows[0]!.errorLabel).toBe("–");
  });
});

describe("prepare-metrics-model", () => {
  it("fills histogram gaps with zero bars", () => {
    const q = 2 ** 0.25;
    const bars = prepareLatencyHistogram([
      { lowMs: 1024 * q * q, highMs: 1024 * q * q * q, count: 1 },
      { lowMs: 1024, highMs: 1024 * q, count: 3 },
    ]);
    expect(bars.map((b) => b.count)).toEqual([3, 0, 1]);
    expect(prepareLatencyHistogram([])).toEqual([]);
  });

  it("merges failed and retried errors by kind, worst first", () => {
    expect(
      prepareErrorBreakdown({ failed: [{ kind: "timeout", count: 1 }], retried: [{ kind: "rate-limit", count: 4 }, { kind: "timeout", count: 1 }] }),
    ).toEqual([
      { kind: "rate-limit", failed: 0, retried: 4 },
      { kind: "timeout", failed: 1, retried: 1 },
    ]);
  });

  it("accumulates cost and maps requests", () => {
    expect(prepareCostSeries([{ t: 0, costUsd: 1 }, { t: 1, costUsd: 2 }]).map((p) => p.cumulative)).toEqual([1, 3]);
    expect(requestSeries([{ t: 0, requests: 4 }])).toEqual([{ t: 0, v: 4 }]);
  });
});

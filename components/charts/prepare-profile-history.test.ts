import { describe, expect, it } from "vitest";
import { defaultHistoryCapability, historyTickFormat, prepareProfileHistory, thinPoints, type ProfileHistoryRowLike } from "./prepare-profile-history";

const row = (capability: string, at: number, mean: number, source = "learned", low = mean - 0.1, high = mean + 0.1): ProfileHistoryRowLike => ({
  capability,
  at,
  mean,
  low,
  high,
  source,
});

describe("prepareProfileHistory", () => {
  it("groups rows per capability in the canonical order, oldest first", () => {
    const history = prepareProfileHistory([row("code", 30, 0.6), row("math", 20, 0.7), row("math", 10, 0.5, "discovered")]);
    expect(history.series.map((s) => s.capability)).toEqual(["math", "code"]);
    expect(history.series[0]!.points.map((p) => p.at)).toEqual([10, 20]);
    expect(history.series[0]!.points[0]).toEqual({ at: 10, mean: 0.5, manual: null, band: [0.4, 0.6], source: "discovered", current: false });
    expect(history.domain).toEqual([10, 30]);
  });

  it("keeps a manual score apart from the posterior mean, with the posterior's band", () => {
    const [math] = prepareProfileHistory([row("math", 1, 0.5), row("math", 2, 0.8, "manual", 0.3, 0.6)]).series;
    expect(math!.points[1]).toMatchObject({ mean: null, manual: 0.8, band: [0.3, 0.6], source: "manual" });
    expect(math!.hasManual).toBe(true);
  });

  it("extends each line to now with the current profile, but only after the last recorded point", () => {
    const current = {
      math: { mean: 0.66, low: 0.5, high: 0.8, source: "learned", manualScore: null },
      code: { mean: 0.4, low: 0.3, high: 0.5, source: "discovered", manualScore: 0.9 },
    };
    const history = prepareProfileHistory([row("math", 10, 0.5), row("code", 200, 0.4)], { current, now: 100 });
    const [math, code] = history.series;
    expect(math!.points.at(-1)).toEqual({ at: 100, mean: 0.66, manual: null, band: [0.5, 0.8], source: "learned", current: true });
    expect(math!.changes).toBe(1);
    expect(code!.points).toHaveLength(1);
    const later = prepareProfileHistory([row("code", 10, 0.4)], { current, now: 50 }).series[0]!;
    expect(later.points.at(-1)).toMatchObject({ mean: null, manual: 0.9, source: "manual", current: true });
  });

  it("ignores unknown capabilities, clamps values and orders a reversed interval", () => {
    const history = prepareProfileHistory([row("telepathy", 1, 0.5), row("chat", 1, 1.2, "seed", 0.9, 0.7)]);
    expect(history.series).toHaveLength(1);
    expect(history.series[0]!.points[0]).toMatchObject({ mean: 1, band: [0.7, 0.9] });
  });

  it("returns no series and no domain without data", () => {
    expect(prepareProfileHistory([])).toEqual({ series: [], domain: null });
    expect(defaultHistoryCapability(prepareProfileHistory([]))).toBeNull();
  });

  it("keeps rows with equal times in their given order", () => {
    const [math] = prepareProfileHistory([row("math", 5, 0.2), row("math", 5, 0.3)]).series;
    expect(math!.points.map((p) => p.mean)).toEqual([0.2, 0.3]);
  });
});

describe("thinPoints", () => {
  it("keeps the ends, every source change, and evenly spaced points up to the limit", () => {
    const points = Array.from({ length: 100 }, (_, i) => ({ i, source: i === 37 ? "discovered" : "learned" }));
    const thinned = thinPoints(points, 10);
    expect(thinned.length).toBeLessThanOrEqual(10);
    expect(thinned[0]!.i).toBe(0);
    expect(thinned.at(-1)!.i).toBe(99);
    expect(thinned.map((p) => p.i)).toContain(37);
    expect(thinned.map((p) => p.i)).toContain(38);
    expect([...thinned].sort((a, b) => a.i - b.i)).toEqual(thinned);
  });

  it("leaves short series alone", () => {
    const points = [{ source: "a" }, { source: "b" }];
    expect(thinPoints(points, 10)).toEqual(points);
  });

  it("is applied per capability by prepareProfileHistory", () => {
    const rows = Array.from({ length: 50 }, (_, i) => row("math", i, 0.5));
    const [math] = prepareProfileHistory(rows, { maxPoints: 5 }).series;
    expect(math!.points.length).toBeLessThanOrEqual(5);
    expect(math!.changes).toBe(50);
  });
});

describe("defaultHistoryCapability", () => {
  it("picks the capability with the most changes, ties in canonical order", () => {
    const history = prepareProfileHistory([row("chat", 1, 0.5), row("chat", 2, 0.5), row("code", 1, 0.5), row("math", 1, 0.5), row("math", 3, 0.5)]);
    expect(defaultHistoryCapability(history)).toBe("math");
  });
});

describe("historyTickFormat", () => {
  it("shows seconds within minutes, the time within a day and the date beyond", () => {
    const t = Date.UTC(2026, 10, 27, 6, 8, 9);
    expect(historyTickFormat([t, t + 120_000], "UTC")(t)).toBe("06:08:09");
    expect(historyTickFormat(null, "UTC")(t)).toBe("06:08:09");
    expect(historyTickFormat([t, t + 3600_000], "UTC")(t)).toBe("06:08");
    expect(historyTickFormat([t, t + 5 * 86_400_000], "UTC")(t)).toBe("Nov 27");
  });
});

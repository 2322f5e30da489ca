import { describe, expect, it } from "vitest";
import {
  averageQuality,
  blendedPrice,
  labelBox,
  overlaps,
  placeLabels,
  pointPixel,
  preparePriceQuality,
  chartAxes,
  type PlotArea,
  type PriceQualityPoint,
  type PricedModelLike,
} from "./prepare-price-quality";

const cap = (mean: number, manualScore: number | null = null) => ({ mean, low: mean, high: mean, source: "seed", manualScore });

const models: PricedModelLike[] = [
  { id: "big", name: "Big", inputUsdPerMTok: 10, outputUsdPerMTok: 30, enabled: true, isSimulated: true, capabilities: { math: cap(0.9), code: cap(0.8) } },
  { id: "free", name: "Free", inputUsdPerMTok: 0, outputUsdPerMTok: 0, enabled: false, isSimulated: false, capabilities: { math: cap(0.2, 0.6) } },
];

describe("preparePriceQuality", () => {
  it("blends prices three to one in favour of output", () => {
    expect(blendedPrice(10, 30)).toBe(25);
  });

  it("averages the scores a model has, preferring hand-set ones", () => {
    expect(averageQuality({ math: cap(0.9), code: cap(0.8) })).toBeCloseTo(0.85);
    expect(averageQuality({ math: cap(0.2, 0.6) })).toBeCloseTo(0.6);
    expect(averageQuality({})).toBe(0);
  });

  it("orders by price and floors free models for a log axis", () => {
    const points = preparePriceQuality(models);
    expect(points.map((p) => p.id)).toEqual(["free", "big"]);
    expect(points[0]).toMatchObject({ price: 0.01, actualPrice: 0, enabled: false, simulated: false });
    expect(points[1]).toMatchObject({ price: 25, simulated: true });
  });
});

const point = (id: string, price: number, quality: number, enabled = true): PriceQualityPoint => ({
  id,
  name: id,
  price,
  actualPrice: price,
  quality,
  enabled,
  simulated: true,
});

// the demo roster: three mid-priced models close together in price and quality
const roster = [
  point("Swift Mini", 0.325, 0.58),
  point("Glitch (flaky)", 0.5, 0.7),
  point("Polyglot", 0.75, 0.58),
  point("Quill Writer", 1.5, 0.61),
  point("Forge Coder", 2, 0.58),
  point("Euclid Math", 2.5, 0.53),
  point("Atlas XL", 25, 0.86),
];
const desktop: PlotArea = { width: 1018, height: 218, spareRight: 16, spareTop: 16 };
const phone: PlotArea = { width: 256, height: 218, spareRight: 16, spareTop: 16 };

/** Every placed name: inside the plot and its margins, clear of every point and of every other name. */
function expectReadable(points: readonly PriceQualityPoint[], plot: PlotArea) {
  const axes = chartAxes(points);
  const placed = placeLabels(points, axes, plot);
  const boxes = [...placed].map(([id, place]) => labelBox(pointPixel(points.find((p) => p.id === id)!, axes, plot), id, place));
  boxes.forEach((box, i) => {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(plot.width + plot.spareRight);
    boxes.slice(i + 1).forEach((other) => expect(overlaps(box, other)).toBe(false));
    for (const p of points) {
      const { x, y } = pointPixel(p, axes, plot);
      expect(overlaps(box, { left: x - 4, right: x + 4, top: y - 4, bottom: y + 4 })).toBe(false);
    }
  });
  return placed;
}

describe("price axis and label placement", () => {
  it("spans whole decades of price, and quality from a tenth below the weakest model up to 100", () => {
    expect(chartAxes(roster)).toEqual({
      price: { domain: [0.1, 100], ticks: [0.1, 1, 10, 100] },
      quality: { domain: [0.4, 1], ticks: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] },
    });
    expect(chartAxes([point("weak", 1, 0.05)]).quality.domain).toEqual([0, 1]);
    expect(chartAxes([point("exact", 1, 0.5)]).quality.domain).toEqual([0.4, 1]);
    expect(chartAxes([]).quality.domain).toEqual([0, 1]);
  });

  it("maps price on a log scale across the plot and quality up it", () => {
    const { x, y } = pointPixel({ price: 1, quality: 0.55 }, { price: { domain: [0.1, 10] }, quality: { domain: [0.4, 1] } }, { width: 200, height: 120 });
    expect(x).toBeCloseTo(100);
    expect(y).toBeCloseTo(90);
  });

  it("names every point on a wide screen, above it where there is room and beside it where a neighbour is close", () => {
    const placed = expectReadable(roster, desktop);
    expect(placed.size).toBe(roster.length);
    expect(placed.get("Atlas XL")).toEqual({ dx: 0, dy: -9, anchor: "middle" });
    expect(placed.get("Forge Coder")?.anchor).not.toBe("middle");
  });

  it("on a phone names what fits without overlap, and leaves out names that fit nowhere", () => {
    const placed = expectReadable(roster, phone);
    expect([...placed.keys()].sort()).toEqual(["Atlas XL", "Euclid Math", "Forge Coder", "Glitch (flaky)", "Quill Writer"]);
  });

  it("keeps a name at the right edge inside the chart by setting it to the left of its point", () => {
    const edge = [point("A very long model name", 100, 0.5)];
    expect(placeLabels(edge, { price: { domain: [0.1, 100], ticks: [] }, quality: { domain: [0, 1], ticks: [] } }, phone).get("A very long model name")).toMatchObject({ anchor: "end" });
  });

  it("gives an enabled model the first choice of spot over a disabled one on the same spot", () => {
    const pair = [point("Disabled twin", 1, 0.5, false), point("Enabled twin", 1, 0.5)];
    const placed = placeLabels(pair, { price: { domain: [0.1, 10], ticks: [] }, quality: { domain: [0, 1], ticks: [] } }, { width: 200, height: 60, spareRight: 0, spareTop: 0 });
    expect(placed.get("Enabled twin")).toEqual({ dx: 0, dy: -9, anchor: "middle" });
    expect(placed.get("Disabled twin")).toEqual({ dx: 0, dy: 16, anchor: "middle" });
  });
});

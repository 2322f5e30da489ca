import { describe, expect, it } from "vitest";
import { averageQuality, blendedPrice, preparePriceQuality, type PricedModelLike } from "./prepare-price-quality";

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

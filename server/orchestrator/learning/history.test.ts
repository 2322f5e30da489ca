import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../testing/random";
import { createProfileLearner } from "./learner";
import { historyDecision, historyPoint, type HistoryPoint } from "./history";
import type { Posterior } from "./posterior";

describe("historyDecision", () => {
  const last = historyPoint({ alpha: 30, beta: 10 }, 1000);

  it("writes the first point, then on a visible move of the mean or the interval, or every N observations", () => {
    expect(historyDecision(undefined, { alpha: 1, beta: 1 }, { observationsSince: 0, now: 0 })).toBe("first");
    expect(historyDecision(last, { alpha: 30, beta: 10 }, { observationsSince: 3, now: 2000 })).toBeNull();
    expect(historyDecision(last, { alpha: 30, beta: 12 }, { observationsSince: 2, now: 2000 })).toBe("mean-moved");
    // same mean, four times the evidence: the interval narrowed
    expect(historyDecision(last, { alpha: 120, beta: 40 }, { observationsSince: 120, now: 2000 })).toBe("interval-moved");
    expect(historyDecision(last, { alpha: 30.1, beta: 10 }, { observationsSince: 25, now: 2000 })).toBe("every-n");
  });

  it("keeps points apart in time when told to", () => {
    const policy = { everyObservations: 25, meanDelta: 0.01, widthDelta: 0.02, minIntervalMs: 60_000 };
    expect(historyDecision(last, { alpha: 5, beta: 30 }, { observationsSince: 99, now: 30_000 }, policy)).toBeNull();
    expect(historyDecision(last, { alpha: 5, beta: 30 }, { observationsSince: 99, now: 61_000 }, policy)).toBe("mean-moved");
  });

  it("keeps a long stream's chart short yet within 0.01 of every posterior mean", () => {
    const learner = createProfileLearner();
    const random = createSeededRandom(5);
    let posterior: Posterior = { alpha: 1, beta: 1 };
    const points: HistoryPoint[] = [];
    let since = 0;
    let worstGap = 0;
    for (let t = 0; t < 5000; t++) {
      const p = t < 2500 ? 0.8 : 0.5;
      posterior = learner.observe({ math: posterior }, { capabilityWeights: { math: 1 }, outcome: random.next() < p ? 1 : 0 }).math as Posterior;
      since += 1;
      if (historyDecision(points.at(-1), posterior, { observationsSince: since, now: t })) {
        points.push(historyPoint(posterior, t));
        since = 0;
      }
      const shown = points.at(-1) as HistoryPoint;
      worstGap = Math.max(worstGap, Math.abs(shown.mean - posterior.alpha / (posterior.alpha + posterior.beta)));
    }
    console.log(`history: ${points.length} points for 5000 observations; chart never off by more than ${worstGap.toFixed(4)}`);
    expect(points.length).toBeLessThan(1500);
    expect(worstGap).toBeLessThanOrEqual(0.01);
  });
});

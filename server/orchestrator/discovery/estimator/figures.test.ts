import { describe, expect, it } from "vitest";
import { CAPABILITIES, type Capability } from "../../spec";
import { createSeededRandom } from "../../testing/random";
import { runDiscovery } from "./run-discovery";
import { computeFigures, formatFigures, type Figures, type Observed } from "./test-support/figures";
import { bernoulliProber, drawModels, listSources } from "./test-support/hidden-skill";

/**
 * How well discovery recovers hidden skills, with its default limits (40 graded probes per capability on
 * average). Profiles are drawn each run from a RandomSource seeded with a fresh seed, printed with the
 * figures; set FIGURES_SEED to replay a draw.
 */
const SEED = Number(process.env.FIGURES_SEED ?? Math.floor(Math.random() * 1_000_000_000));
const MODELS = 300;

async function figuresFor(seed: number): Promise<Figures> {
  const random = createSeededRandom(seed);
  const models = drawModels(random, MODELS);
  const observed: Observed[] = [];
  for (const model of models) {
    // the estimator sees the model's id and pass/fail verdicts, never `skills`
    const result = await runDiscovery<Capability, { id: string }>({
      model: { id: model.id },
      capabilities: CAPABILITIES,
      sources: listSources(),
      prober: bernoulliProber(model),
      random,
    });
    expect(result.status).toBe("complete");
    observed.push({ truth: model.skills, result });
  }
  return computeFigures(observed);
}

describe("discovery figures (Bernoulli prober keyed by hash(model seed, item id))", () => {
  it("recovers hidden skills: MAE ≤ 0.06, 90% coverage ≥ 88%, ordering ≥ 95%, ≤ 40 probes per capability", async () => {
    const figures = await figuresFor(SEED);
    console.log(formatFigures(`seed ${SEED}`, figures));
    expect(figures.models).toBeGreaterThanOrEqual(30);
    expect(figures.meanProbes).toBeLessThanOrEqual(40);
    expect(figures.mae).toBeLessThanOrEqual(0.06);
    expect(figures.coverage).toBeGreaterThanOrEqual(0.88);
    expect(figures.ordering).toBeGreaterThanOrEqual(0.95);
  });

});

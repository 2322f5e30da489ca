import { it } from "vitest";
import { CAPABILITIES } from "../../spec";
import { createSeededRandom } from "../../testing/random";
import { runDiscovery } from "./run-discovery";
import { bernoulliProber, drawModels, listSources } from "./test-support/hidden-skill";
import { computeFigures, type Observed } from "./test-support/figures";

async function run(seed: number, prior: { alpha: number; beta: number }, extra: Record<string, number>) {
  const random = createSeededRandom(seed);
  const models = drawModels(random, 60);
  const observed: Observed[] = [];
  for (const m of models) {
    const result = await runDiscovery({ model: m, capabilities: CAPABILITIES, sources: listSources(), prober: bernoulliProber(m), random, prior, ...extra });
    observed.push({ truth: m.skills, result });
  }
  return computeFigures(observed);
}
it("explore", async () => {
  const configs: [string, { alpha: number; beta: number }, Record<string, number>][] = [
    ["uniform cap60", { alpha: 1, beta: 1 }, {}],
    ["jeffreys cap60", { alpha: 0.5, beta: 0.5 }, {}],
    ["uniform budget480 cap80", { alpha: 1, beta: 1 }, { budgetProbes: 480, maxProbesPerCapability: 80 }],
    ["jeffreys budget480 cap80", { alpha: 0.5, beta: 0.5 }, { budgetProbes: 480, maxProbesPerCapability: 80 }],
  ];
  for (const [label, prior, extra] of configs) {
    const rows = [];
    for (let s = 1; s <= 12; s++) rows.push(await run(1000 + s, prior, extra));
    const avg = (k: "mae" | "coverage" | "ordering" | "meanProbes") => rows.reduce((a, r) => a + r[k], 0) / rows.length;
    const min = (k: "coverage" | "ordering") => Math.min(...rows.map((r) => r[k]));
    const max = (k: "mae" | "meanProbes") => Math.max(...rows.map((r) => r[k]));
    console.log(label, "mae", avg("mae").toFixed(4), "max", max("mae").toFixed(4), "cov", avg("coverage").toFixed(4), "min", min("coverage").toFixed(4), "ord", avg("ordering").toFixed(4), "min", min("ordering").toFixed(4), "probes", avg("meanProbes").toFixed(1), "max", max("meanProbes").toFixed(1));
  }
}, 300_000);

/**
 * `npm run bench`: every speed figure the issues ask for, printed. Figures, not pass/fail: timed
 * assertions flake on a noisy 2-core machine, so targets are read off this output.
 */
import { existsSync } from "node:fs";
import { runAnalyzerBench } from "./analyzer.bench";
import { DEFAULT_SCALE_DB, runMetricsBench, runWriterBench } from "./metrics.bench";
import { runRoutingBench } from "./routing.bench";

async function main() {
  const analyzer = await runAnalyzerBench();
  console.log(`analyzer, 2,000-character prompt: p50 ${analyzer.p50Us.toFixed(1)} µs, p99 ${analyzer.p99Us.toFixed(1)} µs (target p99 < 1,000 µs)`);

  console.log("\nrouting decision latency by roster size (targets: p99 ≤ 1 ms at 1k models, ≤ 10 ms at 10k)");
  console.log("models     p50 ms    p99 ms");
  for (const figure of runRoutingBench()) {
    console.log(`${String(figure.models).padEnd(10)} ${figure.p50Ms.toFixed(3).padEnd(9)} ${figure.p99Ms.toFixed(3)}`);
  }

  // metrics dashboards at scale: needs the seeded database (ENSEMBLE_SCALE_DB, default ./data/scale.db)
  const scaleDb = process.env.ENSEMBLE_SCALE_DB ?? DEFAULT_SCALE_DB;
  console.log("\nmetrics dashboards: API calls per page and ms per call on the 1M-task database (target: ≤ 5 calls, each ≤ 50 ms)");
  if (existsSync(scaleDb)) await runMetricsBench(scaleDb);
  else console.log(`skipped: ${scaleDb} does not exist. Seed it once with \`npm run seed:scale -- ${scaleDb}\` (1M tasks, 5M steps), or set ENSEMBLE_SCALE_DB.`);
  runWriterBench();
}

void main();

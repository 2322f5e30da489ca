/**
 * `npm run bench`: every speed figure the issues ask for, printed. Figures, not pass/fail: timed
 * assertions flake on a noisy 2-core machine, so targets are read off this output.
 */
import { runAnalyzerBench } from "./analyzer.bench";
import { runRoutingBench } from "./routing.bench";

async function main() {
  const analyzer = await runAnalyzerBench();
  console.log(`analyzer, 2,000-character prompt: p50 ${analyzer.p50Us.toFixed(1)} µs, p99 ${analyzer.p99Us.toFixed(1)} µs (target p99 < 1,000 µs)`);

  console.log("\nrouting decision latency by roster size (targets: p99 ≤ 1 ms at 1k models, ≤ 10 ms at 10k)");
  console.log("models     p50 ms    p99 ms");
  for (const figure of runRoutingBench()) {
    console.log(`${String(figure.models).padEnd(10)} ${figure.p50Ms.toFixed(3).padEnd(9)} ${figure.p99Ms.toFixed(3)}`);
  }
}

void main();

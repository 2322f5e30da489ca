/**
 * The routing lab on the 1,706-item dev set, end to end (read, analyse, tune, replay every policy).
 *
 *   npx tsx bench/lab.bench.ts        (or: npm run bench:lab)
 *
 * Prints the elapsed time (target: under 60 s), the target verdict on the held-out split and on a second split,
 * the hindsight ceiling of the tuned cascade family within the cost cap, and the alternative families' (learned gate, learned router) verdicts on both splits. Reads ../shared/data/replay-dev and
 * fails loudly if it is not there: the data is never copied into the repository.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { evaluate } from "../server/orchestrator/lab";
import { prepareLabData, readLabDir } from "../server/services/lab";

export function runLabBench(dir = path.resolve(process.cwd(), "../shared/data/replay-dev")) {
  if (!existsSync(dir)) throw new Error(`lab bench: ${dir} is missing (expected the replay-dev data set beside the repository)`);
  const started = performance.now();
  const data = readLabDir(dir);
  const read = performance.now();
  const prepared = prepareLabData(data);
  const analysed = performance.now();
  const report = evaluate(prepared);
  const done = performance.now();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return {
    items: data.items.length,
    readMs: read - started,
    analyseMs: analysed - read,
    evaluateMs: done - analysed,
    totalMs: done - started,
    verdict: report.target.summary,
    secondSplit: report.secondSplit ? `${report.secondSplit.rule}: ${report.secondSplit.target.summary}` : "n/a",
    alternatives: (report.alternatives ?? []).map((a) => `${a.target.summary}\n  (${a.tuneHow} on the tune split: ${pct(a.tuneAccuracy)} at ${pct(a.tuneCostShare)})\n  second split: ${a.secondSplit?.summary ?? "n/a"}`),
    ceiling: report.ceiling ? `hindsight ceiling of the cascade family within 30% of the best single model's cost (tuned on the eval half itself): ${pct(report.ceiling.accuracy)} at ${pct(report.ceiling.costShare)}` : "n/a",
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = runLabBench();
  console.log(`lab, ${r.items} items: read ${(r.readMs / 1000).toFixed(1)} s, analyse ${(r.analyseMs / 1000).toFixed(1)} s, evaluate ${(r.evaluateMs / 1000).toFixed(1)} s — total ${(r.totalMs / 1000).toFixed(1)} s (target < 60 s)`);
  console.log(r.verdict);
  console.log(`second split ${r.secondSplit}`);
  console.log(r.ceiling);
  for (const a of r.alternatives) console.log(`another policy family — ${a}`);
}

/**
 * Times every metrics procedure per dashboard page against a seeded database (bench/seed-scale.ts).
 * Usage: npm run bench:metrics [-- file]. Calls the services directly; prints p50 and max of 5 runs.
 */
import { createDb } from "@/db/client";
import { createServices } from "@/server/services/app";
import { createMetricsService, METRIC_RANGES } from "@/server/services/metrics";

process.env.ENSEMBLE_SECRET ??= "bench-secret-0123456789abcdef";
const file = process.argv[2] ?? "./data/scale.db";
const RUNS = 5;
const services = createServices(createDb(file));
const metrics = createMetricsService({ db: services.db, roster: services.roster, registry: services.routing.registry });
const model = services.roster.list()[0]!.id;

function time(fn: () => unknown): { p50: number; max: number } {
  fn(); // warm the statement cache and the page cache
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(RUNS / 2)]!, max: samples[RUNS - 1]! };
}

const tasks = (services.db.$client.prepare("SELECT count(*) AS n FROM tasks").get() as { n: number }).n;
console.log(`${file}: ${tasks.toLocaleString("en")} tasks; ${RUNS} runs after one warm-up; budget 50 ms per call`);
console.log("page      procedure                range   p50 ms   max ms");
const row = (page: string, proc: string, range: string, r: { p50: number; max: number }) =>
  console.log(`${page.padEnd(9)} ${proc.padEnd(24)} ${range.padEnd(6)} ${r.p50.toFixed(1).padStart(7)} ${r.max.toFixed(1).padStart(8)}${r.max > 50 ? "  OVER" : ""}`);
for (const range of METRIC_RANGES) row("overview", "metrics.overview", range, time(() => metrics.overview(range)));
for (const range of METRIC_RANGES) row("model", "metrics.model", range, time(() => metrics.model(model, range)));
for (const range of METRIC_RANGES) row("model", "profiles.history", range, time(() => services.profiles.history(model, Date.now() - 1000)));
row("-", "health (/api/health)", "-", time(() => metrics.health()));

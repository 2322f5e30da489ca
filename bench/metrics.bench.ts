/**
 * Times every API call each metrics dashboard page makes, per range, against a seeded database
 * (bench/seed-scale.ts). Usage: npm run bench:metrics [-- file]. Calls go through the real tRPC router
 * (createCaller: zod input, auth middleware, the procedure) and the result is JSON-serialised, as the HTTP
 * layer would; p50 and p99 over RUNS runs after one warm-up.
 */
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { createDb } from "@/db/client";
import { seedDemoRoster } from "@/db/seed";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { createCaller } from "@/server/api/root";
import { createServices } from "@/server/services/app";
import { METRIC_RANGES, RANGE_SPECS, type MetricRange } from "@/server/services/metrics";
import { applyRollups } from "@/server/services/metrics/rollup-writer";

process.env.ENSEMBLE_SECRET ??= "bench-secret-0123456789abcdef";

export const DEFAULT_SCALE_DB = "./data/scale.db";
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BUDGET_MS = 50;

export interface CallFigure {
  page: string;
  call: string;
  range: MetricRange;
  /** the first call of the range on a fresh process: nothing cached but SQLite's pages */
  coldMs: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of this process per call (user + system): what the call costs when it does not wait for a core */
  cpuP50Ms: number;
  cpuP99Ms: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))]!;

async function time(fn: () => Promise<unknown>): Promise<Omit<CallFigure, "page" | "call" | "range">> {
  const t = performance.now();
  JSON.stringify(await fn()); // the cold call also warms the statement cache
  const coldMs = performance.now() - t;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    JSON.stringify(await fn());
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { coldMs, p50Ms: at(wall, 0.5), p99Ms: at(wall, 0.99), cpuP50Ms: at(cpu, 0.5), cpuP99Ms: at(cpu, 0.99) };
}

/** Every page's calls, as the components make them (components/metrics/*-view.tsx). */
export async function runMetricsBench(file: string = DEFAULT_SCALE_DB, print: (line: string) => void = console.log): Promise<CallFigure[]> {
  const services = createServices(createDb(file));
  const caller = createCaller({ services, user: { id: "bench", email: "bench@local", name: "bench", role: "viewer" } });
  const model = services.roster.list()[0]!.id;
  const tasks = (services.db.$client.prepare("SELECT count(*) AS n FROM tasks").get() as { n: number }).n;
  const steps = (services.db.$client.prepare("SELECT count(*) AS n FROM task_steps").get() as { n: number }).n;
  const pages: { page: string; calls: { name: string; run: (range: MetricRange) => Promise<unknown> }[] }[] = [
    { page: "/metrics", calls: [{ name: "metrics.overview", run: (range) => caller.metrics.overview({ range }) }] },
    {
      page: "/metrics/models/[id]",
      calls: [{ name: "metrics.model", run: (range) => caller.metrics.model({ id: model, range }) }],
    },
  ];
  print(`${file}: ${tasks.toLocaleString("en")} tasks, ${steps.toLocaleString("en")} steps; ${RUNS} runs after one warm-up; budget ${BUDGET_MS} ms per call`);
  for (const p of pages) print(`${p.page}: ${p.calls.length} API call(s) per load and per refresh (${p.calls.map((c) => c.name).join(", ")})`);
  print("page                   call               range   cold ms   p50 ms   p99 ms   cpu p50   cpu p99");
  const figures: CallFigure[] = [];
  for (const p of pages) {
    for (const c of p.calls) {
      for (const range of METRIC_RANGES) {
        const f = { page: p.page, call: c.name, range, ...(await time(() => c.run(range))) };
        figures.push(f);
        print(
          `${p.page.padEnd(22)} ${c.name.padEnd(18)} ${range.padEnd(6)} ${[f.coldMs, f.p50Ms, f.p99Ms, f.cpuP50Ms, f.cpuP99Ms].map((v) => v.toFixed(1).padStart(8)).join(" ")}` +
            `${f.p99Ms > BUDGET_MS ? "  OVER" : ""}`,
        );
      }
    }
  }
  const metrics = await import("@/server/services/metrics");
  const service = metrics.metricsFor(services);
  const row = (name: string, f: Omit<CallFigure, "page" | "call" | "range">) =>
    print(`${name.padEnd(48)} ${[f.coldMs, f.p50Ms, f.p99Ms, f.cpuP50Ms, f.cpuP99Ms].map((v) => v.toFixed(1).padStart(8)).join(" ")}`);
  row("/api/health (the handler's report)", await time(async () => service.health()));
  const exporter = metrics.exporterFor(services);
  row("/api/metrics (Prometheus render)", await time(() => exporter.render()));
  const worst = figures.reduce((w, f) => (f.p99Ms > w.p99Ms ? f : w), figures[0]!);
  const load = loadavg()[0]!.toFixed(1);
  print(
    `worst call: ${worst.call} ${RANGE_SPECS[worst.range].label.toLowerCase()} p99 ${worst.p99Ms.toFixed(1)} ms (cpu ${worst.cpuP99Ms.toFixed(1)} ms); ` +
      `calls over ${BUDGET_MS} ms (wall p99): ${figures.filter((f) => f.p99Ms > BUDGET_MS).length} of ${figures.length}; load average ${load} on ${cpus().length} cores`,
  );
  services.db.$client.close();
  return figures;
}

/**
 * What the live writer adds to the task recorder's transaction: a finished call (step.completed) and a
 * finished task (task.completed), each upserting its minute, hour and day rows, on a fresh in-memory database.
 */
export function runWriterBench(print: (line: string) => void = console.log): { stepUs: number; taskUs: number } {
  const db = createDb(":memory:");
  seedDemoRoster(db);
  const model = (db.$client.prepare("SELECT id FROM models LIMIT 1").get() as { id: string }).id;
  const N = 5_000;
  const insert = db.$client.prepare(
    `INSERT INTO tasks (id, prompt, status, strategy, policy, constraints, source, primary_capability, plan, cost_usd, latency_ms, created_at) VALUES (?, 'p', 'completed', 'single', 'balanced', '{}', 'api', 'math', ?, 0.001, 900, ?)`,
  );
  const plan = JSON.stringify({ strategy: "single", steps: [{ modelId: model }], explanation: { candidates: [{ modelId: model, components: { quality: 0.8 } }, { modelId: "b", components: { quality: 0.82 } }] } });
  const start = Date.now();
  for (let i = 0; i < N; i++) insert.run(`w${i}`, plan, start + i);
  const step = (i: number): TaskEvent => ({ type: "step.completed", taskId: `w${i}`, stepIndex: 0, modelId: model, output: "x", inputTokens: 10, outputTokens: 20, costUsd: 0.001, latencyMs: 800 + (i % 500), firstTokenMs: 120 });
  const done = (i: number): TaskEvent => ({ type: "task.completed", taskId: `w${i}`, status: "completed" });
  const run = (event: (i: number) => TaskEvent) => {
    const t0 = performance.now();
    db.$client.transaction(() => {
      for (let i = 0; i < N; i++) applyRollups(db, event(i), start + i * 50);
    })();
    return ((performance.now() - t0) * 1000) / N;
  };
  const stepUs = run(step);
  const taskUs = run(done);
  print(`live rollup writer (inside the recorder's transaction): step.completed ${stepUs.toFixed(1)} µs, task.completed ${taskUs.toFixed(1)} µs per event (${N.toLocaleString("en")} events each)`);
  return { stepUs, taskUs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2] ?? DEFAULT_SCALE_DB;
  if (!existsSync(file)) {
    console.error(`${file} does not exist: run \`npm run seed:scale -- ${file}\` first (~1 min).`);
    process.exit(1);
  }
  void runMetricsBench(file).then(() => runWriterBench());
}

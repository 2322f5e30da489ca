/**
 * `npm run bench:soak`: 20,000 tasks through one process (the worker pool, the recorder, the result cache, the
 * demo roster at zero latency, on a temporary database file), printing resident memory after the first 2,000
 * and after all of them, each after a full GC. Target: the second within 15% of the first.
 *
 * SOAK_TASKS (default 20000) and SOAK_BATCH (default 500: tasks submitted before waiting for the pool to drain).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/db/client";
import { bootstrap, createServices } from "@/server/services/app";
import { DEMO_TASKS } from "@/server/services/demo";

process.env.ENSEMBLE_SECRET ??= "bench-secret-not-for-production-0123";

const total = Number(process.env.SOAK_TASKS ?? 20_000);
const batch = Number(process.env.SOAK_BATCH ?? 500);
const checkpoint = Math.min(2_000, total);
const gc = (globalThis as { gc?: () => void }).gc;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function settle() {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "ensemble-soak-"));
  try {
    const services = createServices(createDb(path.join(dir, "soak.db")), { sleep: () => Promise.resolve() });
    await bootstrap(services, () => undefined);
    if (!gc) console.log("note: run with node --expose-gc (npm run bench:soak does) for figures after a full GC");

    let submitted = 0;
    let atCheckpoint: { rss: number; heapUsed: number } | undefined;
    const began = performance.now();
    while (submitted < total) {
      const n = Math.min(batch, total - submitted, submitted < checkpoint ? checkpoint - submitted : total);
      for (let i = 0; i < n; i++) {
        const demo = DEMO_TASKS[(submitted + i) % DEMO_TASKS.length]!;
        // unique prompts: every task runs its models (a cache hit would make the soak trivially cheap)
        services.tasks.submit({ ...demo, prompt: `${demo.prompt} (soak #${submitted + i})` }, { source: "cli" });
      }
      submitted += n;
      await services.queue.idle();
      if (submitted === checkpoint) {
        atCheckpoint = await settle();
        console.log(`after ${checkpoint.toLocaleString("en")} tasks: rss ${mb(atCheckpoint.rss)}, heap ${mb(atCheckpoint.heapUsed)} (${((performance.now() - began) / 1000).toFixed(1)} s)`);
      } else if (submitted % 5_000 === 0) {
        const now = process.memoryUsage();
        console.log(`  … ${submitted.toLocaleString("en")} tasks: rss ${mb(now.rss)}, heap ${mb(now.heapUsed)} (${((performance.now() - began) / 1000).toFixed(1)} s)`);
      }
    }
    const end = await settle();
    const seconds = (performance.now() - began) / 1000;
    const counts = services.tasks.countsByStatus();
    console.log(`after ${total.toLocaleString("en")} tasks: rss ${mb(end.rss)}, heap ${mb(end.heapUsed)} (${seconds.toFixed(1)} s, ${(total / seconds).toFixed(0)} tasks/s)`);
    console.log(`statuses: ${JSON.stringify(counts)}; cache: ${JSON.stringify(services.cache.stats())}`);
    if (atCheckpoint) {
      const ratio = end.rss / atCheckpoint.rss;
      console.log(`rss ratio (end / after ${checkpoint.toLocaleString("en")}): ${ratio.toFixed(3)} — target ≤ 1.15: ${ratio <= 1.15 ? "met" : "NOT met"}`);
      console.log(`heap ratio: ${(end.heapUsed / atCheckpoint.heapUsed).toFixed(3)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

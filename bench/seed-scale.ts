/**
 * Fills a fresh SQLite file with 1,000,000 tasks and 5,000,000 steps spread over the last 30 days, plus an
 * hourly capability-profile history of every simulated model, for `npm run bench:metrics`.
 * Usage: tsx bench/seed-scale.ts [file] [tasks]. Batched transactions and prepared statements;
 * synchronous=OFF while loading (a crash only loses the bench file). The metric rollups are accumulated in
 * memory from the same figures (the functions the live writer uses) and written once at the end, then the
 * database is marked as backfilled.
 */
import { existsSync, rmSync } from "node:fs";
import { createDb } from "@/db/client";
import { HOUR_MS, MINUTE_RETENTION_MS } from "@/db/rollup-layout";
import { seedDemoRoster } from "@/db/seed";
import { markBackfilled } from "@/server/services/metrics/rollup-backfill";
import { callIncrements, RollupAccumulator, taskIncrements } from "@/server/services/metrics/rollup-rows";
import { writeRollupRows } from "@/server/services/metrics/rollup-store";

const file = process.argv[2] ?? "./data/scale.db";
const TASKS = Number(process.argv[3] ?? 1_000_000);
const STEPS_PER_TASK = 5;
const SPAN_MS = 30 * 24 * HOUR_MS;
const CAPS = ["math", "code", "reasoning", "knowledge", "writing", "roleplay", "extraction", "summarization", "translation", "classification", "brainstorming", "chat"];
const STRATEGIES = ["single", "fallback", "cascade", "pipeline", "mixture", "vote"];
const ERRORS = ["sim: 429 Too Many Requests", "request timed out", "stream ended without a finish part", "upstream 503 server error"];

for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
const db = createDb(file);
seedDemoRoster(db);
const sqlite = db.$client;
sqlite.pragma("synchronous = OFF");
const roster = sqlite.prepare("SELECT id, simulated FROM models").all() as { id: string; simulated: string | null }[];
const models = roster.map((m) => m.id);

// a fixed-seed LCG: the same file every run, so figures compare across machines
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const insertTask = sqlite.prepare(
  `INSERT INTO tasks (id, prompt, status, strategy, policy, constraints, source, primary_capability, model_id, input_tokens, output_tokens, cost_usd, latency_ms, created_at, started_at, completed_at)
   VALUES (?, 'seeded', ?, ?, 'balanced', '{}', 'api', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const insertStep = sqlite.prepare(
  `INSERT INTO task_steps (task_id, step_index, role, model_id, status, error, input_tokens, output_tokens, cost_usd, latency_ms, first_token_ms, started_at, ended_at)
   VALUES (?, ?, 'answer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const insertHistory = sqlite.prepare(`INSERT INTO profile_history (model_id, capability, mean, low, high, source, at) VALUES (?, ?, ?, ?, ?, 'learned', ?)`);

const start = Date.now();
const now = Date.now();
const rollups = new RollupAccumulator(now - MINUTE_RETENTION_MS);
const BATCH = 10_000;
const batch = sqlite.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const at = Math.floor(now - SPAN_MS + (i / TASKS) * SPAN_MS);
    const failed = rand() < 0.05;
    const latency = Math.round(200 * Math.exp(rand() * 3));
    const id = `tsk_scale_${i}`;
    const model = models[i % models.length]!;
    const strategy = STRATEGIES[i % STRATEGIES.length]!;
    const capability = CAPS[i % CAPS.length]!;
    insertTask.run(id, failed ? "failed" : "completed", strategy, capability, model, 500, 300, 0.002, latency, at, at, at + latency);
    rollups.add(
      taskIncrements({ at: at + latency, status: failed ? "failed" : "completed", strategy, costUsd: 0.002, inputTokens: 500, outputTokens: 300, latencyMs: latency, steps: STEPS_PER_TASK, cached: false, efficient: null }),
    );
    for (let s = 0; s < STEPS_PER_TASK; s++) {
      const stepFailed = failed && s === STEPS_PER_TASK - 1;
      const stepLatency = Math.round(latency / STEPS_PER_TASK);
      const stepModel = models[(i + s) % models.length]!;
      const error = stepFailed ? ERRORS[i % ERRORS.length]! : null;
      const ttft = stepFailed ? null : Math.round(stepLatency / 4);
      insertStep.run(id, s, stepModel, stepFailed ? "failed" : "completed", error, 100, 60, 0.0004, stepFailed ? null : stepLatency, ttft, at + s, at + s + stepLatency);
      rollups.add(
        callIncrements({
          at: at + s + stepLatency,
          modelId: stepModel,
          capability,
          status: stepFailed ? "failed" : "completed",
          latencyMs: stepFailed ? null : stepLatency,
          firstTokenMs: ttft,
          inputTokens: 100,
          outputTokens: 60,
          costUsd: 0.0004,
          error,
        }),
      );
    }
  }
});
for (let from = 0; from < TASKS; from += BATCH) {
  batch(from, Math.min(TASKS, from + BATCH));
  if ((from / BATCH) % 10 === 0) process.stdout.write(`\r${from.toLocaleString("en")} tasks…`);
}

// an hourly profile point per simulated model and capability, drifting towards the hidden skill
let history = 0;
sqlite.transaction(() => {
  for (const m of roster) {
    const skills = (m.simulated ? (JSON.parse(m.simulated) as { skills?: Record<string, number> }).skills : undefined) ?? {};
    for (const [capability, truth] of Object.entries(skills)) {
      for (let at = now - SPAN_MS; at < now; at += HOUR_MS) {
        const progress = (at - (now - SPAN_MS)) / SPAN_MS;
        const mean = Math.min(0.99, Math.max(0.01, truth + (0.3 * (1 - progress) + 0.02) * (rand() - 0.5)));
        insertHistory.run(m.id, capability, mean, Math.max(0, mean - 0.1), Math.min(1, mean + 0.1), at);
        history += 1;
      }
    }
  }
})();

sqlite.transaction(() => {
  writeRollupRows(sqlite, rollups.values());
  markBackfilled(db, now);
})();
sqlite.pragma("wal_checkpoint(TRUNCATE)");
sqlite.exec("ANALYZE");
console.log(
  `\nseeded ${TASKS.toLocaleString("en")} tasks, ${(TASKS * STEPS_PER_TASK).toLocaleString("en")} steps, ${history.toLocaleString("en")} profile points and ` +
    `${rollups.size.toLocaleString("en")} rollup rows into ${file} in ${((Date.now() - start) / 1000).toFixed(1)} s`,
);
sqlite.close();

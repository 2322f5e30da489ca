/**
 * Fills a fresh SQLite file with 1,000,000 tasks and 5,000,000 steps spread over the last 30 days, for
 * `npm run bench:metrics`. Usage: tsx bench/seed-scale.ts [file] [tasks]. Batched transactions and
 * prepared statements; synchronous=OFF while loading (a crash only loses the bench file).
 */
import { existsSync, rmSync } from "node:fs";
import { createDb } from "@/db/client";
import { seedDemoRoster } from "@/db/seed";

const file = process.argv[2] ?? "./data/scale.db";
const TASKS = Number(process.argv[3] ?? 1_000_000);
const STEPS_PER_TASK = 5;
const SPAN_MS = 30 * 24 * 3_600_000;
const CAPS = ["math", "code", "reasoning", "knowledge", "writing", "roleplay", "extraction", "summarization", "translation", "classification", "brainstorming", "chat"];
const STRATEGIES = ["single", "fallback", "cascade", "pipeline", "mixture", "vote"];
const ERRORS = ["sim: 429 Too Many Requests", "request timed out", "stream ended without a finish part", "upstream 503 server error"];

for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
const db = createDb(file);
seedDemoRoster(db);
const sqlite = db.$client;
sqlite.pragma("synchronous = OFF");
const models = (sqlite.prepare("SELECT id FROM models").all() as { id: string }[]).map((m) => m.id);

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

const start = Date.now();
const now = Date.now();
const BATCH = 10_000;
const batch = sqlite.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const at = Math.floor(now - SPAN_MS + (i / TASKS) * SPAN_MS);
    const failed = rand() < 0.05;
    const latency = Math.round(200 * Math.exp(rand() * 3));
    const id = `tsk_scale_${i}`;
    const model = models[i % models.length]!;
    insertTask.run(id, failed ? "failed" : "completed", STRATEGIES[i % STRATEGIES.length]!, CAPS[i % CAPS.length]!, model, 500, 300, 0.002, latency, at, at, at + latency);
    for (let s = 0; s < STEPS_PER_TASK; s++) {
      const stepFailed = failed && s === STEPS_PER_TASK - 1;
      const stepLatency = Math.round(latency / STEPS_PER_TASK);
      insertStep.run(
        id, s, models[(i + s) % models.length]!, stepFailed ? "failed" : "completed", stepFailed ? ERRORS[i % ERRORS.length]! : null,
        100, 60, 0.0004, stepFailed ? null : stepLatency, stepFailed ? null : Math.round(stepLatency / 4), at + s, at + s + stepLatency,
      );
    }
  }
});
for (let from = 0; from < TASKS; from += BATCH) {
  batch(from, Math.min(TASKS, from + BATCH));
  if ((from / BATCH) % 10 === 0) process.stdout.write(`\r${from.toLocaleString("en")} tasks…`);
}
sqlite.pragma("wal_checkpoint(TRUNCATE)");
sqlite.exec("ANALYZE");
console.log(`\nseeded ${TASKS.toLocaleString("en")} tasks, ${(TASKS * STEPS_PER_TASK).toLocaleString("en")} steps into ${file} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
sqlite.close();

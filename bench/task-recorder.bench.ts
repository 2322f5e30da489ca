/**
 * `npx tsx bench/task-recorder.bench.ts`: CPU per task of recording a gateway task's events — the task row,
 * the 8 events a pinned request records (queued, analyzed, planned, step started, 2 messages, step completed,
 * task completed) with their projections and metric rollups, and the group commits — on a file database in
 * WAL mode, as the server runs it. Two shapes: one task per commit (sequential requests) and BENCH_BURST tasks
 * per commit (default 14: what 50 concurrent gateway requests gather in a 2 ms group on the dev machine).
 * BENCH_TASKS (default 20000) per shape.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/db/client";
import { createGroupCommit } from "@/db/group-commit";
import * as q from "@/db/queries/tasks";
import type { ModelChain, TaskEvent, TaskRequirements } from "@/server/orchestrator/spec";
import { TaskEventBus } from "@/server/services/event-bus";
import { createTaskRecorder } from "@/server/services/task-recorder";

const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const BURST = Number(process.env.BENCH_BURST ?? 14);

const requirements = {
  capabilities: { math: 0, code: 0, reasoning: 0, knowledge: 0, writing: 0, roleplay: 0, extraction: 0, summarization: 0, translation: 0, classification: 0, brainstorming: 0, chat: 1 },
  primary: "chat",
  format: "text",
  inputTokens: 1,
  contextTokens: 1,
  constraints: {},
  confidence: 1,
  evidence: [{ feature: "pinned", detail: "the request named bench-echo" }],
} as unknown as TaskRequirements;
const chain = {
  strategy: "single",
  steps: [{ role: "answer", modelId: "bench-echo" }],
  explanation: { policy: "balanced", summary: "Pinned", candidates: [{ modelId: "bench-echo", score: 1, components: {}, reason: "named by the caller" }] },
} as unknown as ModelChain;

function measure(label: string, perCommit: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "ensemble-recorder-"));
  const db = createDb(path.join(dir, "r.db"));
  const group = createGroupCommit(db.$client, 1000);
  const record = createTaskRecorder(db, new TaskEventBus(), Date.now, group.enter);
  let n = 0;
  const task = () => {
    const id = `tsk_${label}_${n++}`;
    group.enter();
    q.insertTask(db, { id, prompt: "ping", status: "queued", strategy: "single", policy: "balanced", constraints: {}, source: "gateway", pinnedModelId: "bench-echo" });
    record({ type: "task.queued", taskId: id });
    q.updateTask(db, id, { status: "running", startedAt: Date.now() });
    record({ type: "task.analyzed", taskId: id, requirements });
    record({ type: "chain.planned", taskId: id, chain });
    record({ type: "message.sent", taskId: id, from: "input", to: "step:0", kind: "prompt", content: "ping", tokens: 1 } as TaskEvent);
    record({ type: "step.started", taskId: id, stepIndex: 0, modelId: "bench-echo", role: "answer", input: [{ role: "user", content: "ping" }] } as TaskEvent);
    record({ type: "step.completed", taskId: id, stepIndex: 0, modelId: "bench-echo", output: "pong", inputTokens: 5, outputTokens: 1, costUsd: 7e-7, latencyMs: 9 } as TaskEvent);
    record({ type: "message.sent", taskId: id, from: "step:0", to: "result", kind: "response", content: "pong", tokens: 1 } as TaskEvent);
    q.updateTask(db, id, { status: "completed", output: "pong", costUsd: 7e-7, inputTokens: 5, outputTokens: 1, latencyMs: 10, completedAt: Date.now() });
    record({ type: "task.completed", taskId: id, status: "completed" });
  };
  for (let i = 0; i < 2000; i++) {
    task();
    if (i % perCommit === perCommit - 1) group.commitNow();
  }
  group.commitNow();
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < TASKS; i++) {
    task();
    if (i % perCommit === perCommit - 1) group.commitNow();
  }
  group.commitNow();
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - t;
  console.log(`${label}: ${(((used.user + used.system) / TASKS) | 0).toString().padStart(4)} µs CPU per task (${perCommit} per commit), ${((ms * 1000) / TASKS).toFixed(0)} µs wall`);
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}

measure("one task per commit", 1);
measure(`${BURST} tasks per commit`, BURST);

import type { ChainStep, ModelChain, Strategy, TaskEvent } from "@/server/orchestrator/spec";
import type { ChainTaskSource, LiveChainEvent } from "./types";

/** Test helpers: a task snapshot and event builders with increasing ids and times. */
export const TASK_ID = "tsk_test";

export function plan(strategy: Exclude<Strategy, "auto">, steps: ChainStep[]): ModelChain {
  return { strategy, steps, explanation: { policy: "balanced", summary: "test", candidates: [] } };
}

type Payload<T extends TaskEvent["type"]> = Omit<Extract<TaskEvent, { type: T }>, "type" | "taskId">;

export const ev = {
  queued: (): TaskEvent => ({ type: "task.queued", taskId: TASK_ID }),
  planned: (chain: ModelChain): TaskEvent => ({ type: "chain.planned", taskId: TASK_ID, chain }),
  started: (stepIndex: number, modelId: string, role: string): TaskEvent => ({
    type: "step.started",
    taskId: TASK_ID,
    stepIndex,
    modelId,
    role,
    input: [{ role: "user", content: `prompt for ${modelId}` }],
  }),
  delta: (stepIndex: number, text: string): TaskEvent => ({ type: "output.delta", taskId: TASK_ID, stepIndex, text }),
  completed: (stepIndex: number, modelId: string, output: string, extra: Partial<Payload<"step.completed">> = {}): TaskEvent => ({
    type: "step.completed",
    taskId: TASK_ID,
    stepIndex,
    modelId,
    output,
    inputTokens: 100,
    outputTokens: 20,
    costUsd: 0.001,
    latencyMs: 800,
    ...extra,
  }),
  failed: (stepIndex: number, modelId: string, error: string): TaskEvent => ({ type: "step.failed", taskId: TASK_ID, stepIndex, modelId, error }),
  retried: (stepIndex: number, modelId: string, attempt: number, error: string): TaskEvent => ({
    type: "step.retried",
    taskId: TASK_ID,
    stepIndex,
    modelId,
    attempt,
    error,
  }),
  message: (from: string, to: string, kind: string, content = `${from}→${to}`): TaskEvent => ({
    type: "message.sent",
    taskId: TASK_ID,
    from,
    to,
    kind,
    content,
    tokens: 10,
  }),
  fallback: (fromModelId: string, toModelId: string, reason: string): TaskEvent => ({ type: "fallback.taken", taskId: TASK_ID, fromModelId, toModelId, reason }),
  done: (): TaskEvent => ({ type: "task.completed", taskId: TASK_ID, status: "completed" }),
  failedTask: (error: string): TaskEvent => ({ type: "task.failed", taskId: TASK_ID, status: "failed", error }),
};

/** Persisted rows as tasks.get returns them: ids 1..n, one ms apart. */
export function persisted(events: TaskEvent[]): ChainTaskSource["events"] {
  return events.map((payload, i) => ({ id: i + 1, type: payload.type, at: 1_000 + i, payload }));
}

/** Live events continuing after `afterId`; transient deltas get no id, as on the wire. */
export function live(events: TaskEvent[], afterId: number): LiveChainEvent[] {
  let id = afterId;
  return events.map((event, i) => (event.type === "output.delta" ? { at: 5_000 + i, event } : { id: ++id, at: 5_000 + i, event }));
}

export function task(events: TaskEvent[], overrides: Partial<ChainTaskSource> = {}): ChainTaskSource {
  const planned = events.find((e): e is Extract<TaskEvent, { type: "chain.planned" }> => e.type === "chain.planned");
  const ended = events.find((e) => e.type === "task.completed" || e.type === "task.failed");
  return {
    status: ended?.type === "task.completed" ? "completed" : ended?.type === "task.failed" ? ended.status : planned ? "running" : "queued",
    prompt: "What is 2 + 2?",
    plan: planned?.chain ?? null,
    events: persisted(events),
    output: null,
    error: ended?.type === "task.failed" ? ended.error : null,
    ...overrides,
  };
}

import type { ChatMessage } from "./client";
import type { ModelChain, TaskRequirements, TaskStatus } from "./task";

/** Every stage emits these. Persisted to task_events (except output.delta) and published on the bus. */
export type TaskEvent =
  | { type: "task.queued"; taskId: string }
  | { type: "task.analyzed"; taskId: string; requirements: TaskRequirements }
  | { type: "chain.planned"; taskId: string; chain: ModelChain }
  | {
      type: "step.started";
      taskId: string;
      stepIndex: number;
      modelId: string;
      role: string;
      input: ChatMessage[];
    }
  | { type: "output.delta"; taskId: string; stepIndex: number; text: string }
  /** from/to are chain node ids: "input", "step:<index>", "result" */
  | { type: "message.sent"; taskId: string; from: string; to: string; kind: string; content: string; tokens: number }
  | {
      type: "step.completed";
      taskId: string;
      stepIndex: number;
      modelId: string;
      output: string;
      inputTokens: number;
      outputTokens: number;
      costUsd: number;
      latencyMs: number;
      firstTokenMs?: number;
    }
  | { type: "step.failed"; taskId: string; stepIndex: number; modelId: string; error: string }
  | { type: "step.retried"; taskId: string; stepIndex: number; modelId: string; attempt: number; error: string }
  | { type: "fallback.taken"; taskId: string; fromModelId: string; toModelId: string; reason: string }
  | { type: "task.completed"; taskId: string; status: Extract<TaskStatus, "completed"> }
  | { type: "task.failed"; taskId: string; status: Extract<TaskStatus, "failed" | "cancelled">; error: string };

export type TaskEventType = TaskEvent["type"];

/** Transient events are published live but not appended to task_events. */
export function isTransient(event: TaskEvent): boolean {
  return event.type === "output.delta";
}

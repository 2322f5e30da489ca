import type { ChatMessage, FinishReason } from "./client";
import type { ModelChain, TaskRequirements, TaskStatus } from "./task";

/** A circuit breaker's state, as the roster and the live chain view show it. */
export type BreakerState = "closed" | "open" | "half-open";

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
      /** why the model stopped ("length": the output limit cut it); events recorded before it existed lack it */
      finishReason?: FinishReason;
    }
  /** `errorKind`: the ProviderError kind (metrics count failures by it; events recorded before it existed lack it) */
  | { type: "step.failed"; taskId: string; stepIndex: number; modelId: string; error: string; errorKind?: string }
  /**
   * The model's circuit breaker refused it before its step started: the model was never called and the step has
   * no row in task_steps, but the index is the step's (a resumed task replays the refusal under it). `error` is
   * the refusal, also the reason of the next candidate's fallback.taken (errorKind "circuit-open").
   */
  | { type: "step.refused"; taskId: string; stepIndex: number; modelId: string; error: string }
  | { type: "step.retried"; taskId: string; stepIndex: number; modelId: string; attempt: number; error: string; errorKind?: string }
  | {
      type: "fallback.taken";
      taskId: string;
      fromModelId: string;
      toModelId: string;
      reason: string;
      /** the ProviderError kind behind the switch, when it was one ("circuit-open": the model was skipped, never called) */
      errorKind?: string;
    }
  /**
   * A model's circuit breaker changed state during one of this task's calls (the call that tripped it, or the
   * probe that closed or re-opened it). `nextProbeAt` (epoch ms on the engine's clock) is set while open.
   */
  | {
      type: "breaker.changed";
      taskId: string;
      stepIndex?: number;
      modelId: string;
      from: BreakerState;
      to: BreakerState;
      nextProbeAt: number | null;
    }
  /** cached: answered from the result cache (no model was called), with the task that first produced the answer */
  | { type: "task.completed"; taskId: string; status: Extract<TaskStatus, "completed">; cached?: boolean; cachedFromTaskId?: string }
  | { type: "task.failed"; taskId: string; status: Extract<TaskStatus, "failed" | "cancelled">; error: string };

export type TaskEventType = TaskEvent["type"];

/** Transient events are published live but not appended to task_events. */
export function isTransient(event: TaskEvent): boolean {
  return event.type === "output.delta";
}

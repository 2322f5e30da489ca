import type { ChatMessage, ModelChain, TaskEvent, TaskStatus } from "@/server/orchestrator/spec";
import type { BreakerNote, ChainMessage, ChainTaskSource, FallbackNote, LiveChainEvent, StepRetry } from "./types";

/** One started step as the event log tells it. */
export interface StepRun {
  stepIndex: number;
  role: string;
  modelId: string;
  status: "running" | "completed" | "failed";
  input: ChatMessage[];
  output: string;
  streamed: string;
  error: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  firstTokenMs: number | null;
  startedAt: number | null;
  endedAt: number | null;
  retries: StepRetry[];
  fallbackFrom: FallbackNote | null;
  /** breaker transitions this step's calls caused */
  breakers: BreakerNote[];
}

/** The task rebuilt from its events: what ran, what was said, how it ended. */
export interface ChainRun {
  status: TaskStatus;
  error: string | null;
  plan: ModelChain | null;
  /** by step index, ascending */
  steps: StepRun[];
  messages: ChainMessage[];
  /** fallback.taken notes that no later step.started picked up */
  notes: FallbackNote[];
  /** every breaker transition the task's calls caused, in order */
  breakers: BreakerNote[];
  /** models skipped without a call because their circuit breaker was open */
  refusals: FallbackNote[];
}

const TERMINAL: ReadonlySet<TaskStatus> = new Set(["completed", "failed", "cancelled"]);

export const isTerminal = (status: TaskStatus) => TERMINAL.has(status);

/**
 * The persisted log (by id) followed by the live events not already in it, each persisted id once. Live
 * events without an id (output.delta) are kept in arrival order: they are never persisted nor replayed.
 */
export function mergeEvents(persisted: ChainTaskSource["events"], live: readonly LiveChainEvent[]): LiveChainEvent[] {
  const seen = new Set<number>();
  const merged: LiveChainEvent[] = [];
  for (const row of [...persisted].sort((a, b) => a.id - b.id)) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    merged.push({ id: row.id, at: row.at, event: row.payload });
  }
  for (const published of live) {
    if (published.id !== undefined) {
      if (seen.has(published.id)) continue;
      seen.add(published.id);
    }
    merged.push(published);
  }
  return merged;
}

/** A step as it starts; every measurement unknown until its events arrive. */
export function newStep(stepIndex: number, modelId: string, role: string): StepRun {
  return {
    stepIndex,
    role,
    modelId,
    status: "running",
    input: [],
    output: "",
    streamed: "",
    error: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: null,
    firstTokenMs: null,
    startedAt: null,
    endedAt: null,
    retries: [],
    fallbackFrom: null,
    breakers: [],
  };
}

interface Draft {
  status: TaskStatus;
  error: string | null;
  plan: ModelChain | null;
  steps: Map<number, StepRun>;
  messages: ChainMessage[];
  notes: FallbackNote[];
  breakers: BreakerNote[];
  refusals: FallbackNote[];
}

function stepOf(draft: Draft, stepIndex: number, modelId: string): StepRun {
  let step = draft.steps.get(stepIndex);
  if (!step) {
    // a step whose step.started we never saw (a truncated log): show it rather than drop its outcome
    step = newStep(stepIndex, modelId, "");
    draft.steps.set(stepIndex, step);
  }
  return step;
}

function apply(draft: Draft, event: TaskEvent, at: number): void {
  switch (event.type) {
    case "chain.planned":
      draft.plan = event.chain;
      if (draft.status === "queued") draft.status = "running";
      break;
    case "step.started": {
      const step = newStep(event.stepIndex, event.modelId, event.role);
      step.input = event.input ?? [];
      step.startedAt = at;
      const noteAt = draft.notes.findIndex((n) => n.toModelId === event.modelId);
      if (noteAt >= 0) step.fallbackFrom = draft.notes.splice(noteAt, 1)[0] ?? null;
      draft.steps.set(event.stepIndex, step);
      if (draft.status === "queued") draft.status = "running";
      break;
    }
    case "output.delta": {
      const step = draft.steps.get(event.stepIndex);
      if (step?.status === "running") step.streamed += event.text;
      break;
    }
    case "step.retried": {
      const step = stepOf(draft, event.stepIndex, event.modelId);
      step.retries.push({ attempt: event.attempt, error: event.error, at });
      step.streamed = "";
      break;
    }
    case "step.completed": {
      const step = stepOf(draft, event.stepIndex, event.modelId);
      Object.assign(step, {
        status: "completed",
        output: event.output ?? step.streamed,
        streamed: "",
        error: null,
        inputTokens: event.inputTokens,
        outputTokens: event.outputTokens,
        costUsd: event.costUsd,
        latencyMs: event.latencyMs,
        firstTokenMs: event.firstTokenMs ?? null,
        endedAt: at,
      } satisfies Partial<StepRun>);
      break;
    }
    case "step.failed": {
      const step = stepOf(draft, event.stepIndex, event.modelId);
      Object.assign(step, { status: "failed", error: event.error, endedAt: at } satisfies Partial<StepRun>);
      break;
    }
    case "message.sent":
      draft.messages.push({ from: event.from, to: event.to, kind: event.kind, content: event.content ?? "", tokens: event.tokens, at });
      break;
    case "fallback.taken": {
      const note: FallbackNote = { fromModelId: event.fromModelId, toModelId: event.toModelId, reason: event.reason, at };
      if (event.errorKind) note.errorKind = event.errorKind;
      draft.notes.push(note);
      // refused before its step started: no step of that model may carry the refusal
      const ranRefused = [...draft.steps.values()].some((s) => s.modelId === event.fromModelId && s.error === event.reason);
      if (event.errorKind === "circuit-open" && !ranRefused) draft.refusals.push(note);
      break;
    }
    case "breaker.changed": {
      const note: BreakerNote = { modelId: event.modelId, from: event.from, to: event.to, nextProbeAt: event.nextProbeAt, at };
      draft.breakers.push(note);
      if (event.stepIndex !== undefined) stepOf(draft, event.stepIndex, event.modelId).breakers.push(note);
      break;
    }
    case "task.completed":
      draft.status = event.status;
      break;
    case "task.failed":
      draft.status = event.status;
      draft.error = event.error;
      break;
    case "task.queued":
    case "task.analyzed":
      break;
  }
}

/**
 * Rebuild the chain's run from the task snapshot plus the live tail. A task that ended while a step was still
 * running (a crash, a cancel that never reported back) leaves that step failed, not spinning forever.
 */
export function reduceChainRun(task: ChainTaskSource, live: readonly LiveChainEvent[]): ChainRun {
  const draft: Draft = { status: task.status, error: task.error, plan: task.plan, steps: new Map(), messages: [], notes: [], breakers: [], refusals: [] };
  for (const { event, at } of mergeEvents(task.events, live)) apply(draft, event, at);

  const steps = [...draft.steps.values()].sort((a, b) => a.stepIndex - b.stepIndex);
  if (isTerminal(draft.status)) {
    for (const step of steps) {
      if (step.status !== "running") continue;
      step.status = "failed";
      step.error ??= draft.status === "cancelled" ? "cancelled" : `did not finish: the task ${draft.status === "completed" ? "completed" : "ended"} without it`;
    }
  }
  return { status: draft.status, error: draft.error, plan: draft.plan, steps, messages: draft.messages, notes: draft.notes, breakers: draft.breakers, refusals: draft.refusals };
}

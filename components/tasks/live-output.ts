import type { TaskEvent, TaskStatus } from "@/server/orchestrator/spec";

/** One message of the tasks.watch subscription: the tracked id and the published event. */
export interface WatchMessage {
  /** "<task_events id>" for persisted events, "<last persisted id>:<n>" for transient deltas */
  id: string;
  at: number;
  event: TaskEvent;
}

export interface LiveStep {
  stepIndex: number;
  modelId: string | null;
  role: string | null;
  text: string;
  done: boolean;
  failed: boolean;
}

export interface LiveState {
  /** streamed text per step, in the order steps started */
  steps: LiveStep[];
  /** the step whose text is being written now (or was last) */
  activeStep: number | null;
  status: TaskStatus | null;
  error: string | null;
  /** persisted event ids already applied, so a replay after a reconnect changes nothing */
  seen: ReadonlySet<string>;
  /** every event received, for views that draw from the event log (the chain graph) */
  events: Array<{ id?: number; at: number; event: TaskEvent }>;
}

export const INITIAL_LIVE_STATE: LiveState = { steps: [], activeStep: null, status: null, error: null, seen: new Set(), events: [] };

export function isTerminalEvent(event: TaskEvent): boolean {
  return event.type === "task.completed" || event.type === "task.failed";
}

function persistedId(id: string): number | undefined {
  return /^\d+$/.test(id) ? Number(id) : undefined;
}

function upsertStep(steps: LiveStep[], stepIndex: number, patch: (step: LiveStep) => LiveStep): LiveStep[] {
  const existing = steps.find((s) => s.stepIndex === stepIndex);
  const base: LiveStep = existing ?? { stepIndex, modelId: null, role: null, text: "", done: false, failed: false };
  const next = patch(base);
  return existing ? steps.map((s) => (s.stepIndex === stepIndex ? next : s)) : [...steps, next];
}

/**
 * Folds one subscription message into the live view: streamed text per step (replaced by the
 * step's final output when it completes, reset when a step is retried), and the task's status.
 */
export function applyWatchMessage(state: LiveState, message: WatchMessage): LiveState {
  const numericId = persistedId(message.id);
  if (numericId !== undefined && state.seen.has(message.id)) return state;
  const seen = numericId !== undefined ? new Set(state.seen).add(message.id) : state.seen;
  const events = [...state.events, { id: numericId, at: message.at, event: message.event }];
  const base = { ...state, seen, events };
  const e = message.event;
  switch (e.type) {
    case "task.queued":
      return { ...base, status: state.status ?? "queued" };
    case "task.analyzed":
    case "chain.planned":
      return { ...base, status: state.status === null || state.status === "queued" ? "running" : state.status };
    case "step.started":
      return {
        ...base,
        status: "running",
        activeStep: e.stepIndex,
        steps: upsertStep(state.steps, e.stepIndex, (s) => ({ ...s, modelId: e.modelId, role: e.role, text: "", done: false, failed: false })),
      };
    case "output.delta":
      return { ...base, activeStep: e.stepIndex, steps: upsertStep(state.steps, e.stepIndex, (s) => ({ ...s, text: s.text + e.text })) };
    case "step.retried":
      return { ...base, steps: upsertStep(state.steps, e.stepIndex, (s) => ({ ...s, text: "", failed: false })) };
    case "step.completed":
      return { ...base, steps: upsertStep(state.steps, e.stepIndex, (s) => ({ ...s, modelId: e.modelId, text: e.output, done: true })) };
    case "step.failed":
      return { ...base, steps: upsertStep(state.steps, e.stepIndex, (s) => ({ ...s, done: true, failed: true })) };
    case "task.completed":
      return { ...base, status: "completed" };
    case "task.failed":
      return { ...base, status: e.status, error: e.error };
    default:
      return base;
  }
}

/** The step to show while streaming: the active one, else the last one with text. */
export function currentStream(state: LiveState): LiveStep | null {
  const active = state.steps.find((s) => s.stepIndex === state.activeStep);
  if (active && active.text) return active;
  return [...state.steps].reverse().find((s) => s.text) ?? active ?? null;
}

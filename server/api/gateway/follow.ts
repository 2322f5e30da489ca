import type { PublishedEvent, TaskEventBus } from "@/server/services/event-bus";
import type { FinishReason, ModelChain } from "@/server/orchestrator/spec";

export interface StepDone {
  stepIndex: number;
  modelId: string;
  output: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  /** absent on events recorded before step.completed carried it */
  finishReason?: FinishReason;
}

/** What the gateway learns about its task from the bus: enough to answer without reading the database. */
export interface TaskTrace {
  chain?: ModelChain;
  started: Map<number, string>;
  completed: StepDone[];
  /**
   * The step whose text is the answer: the first whose output the engine sent to the "result" node (its
   * outcome's `into` starts with the answer — a vote's winning voters are all sent, the answer first).
   */
  answerStep?: number;
  failedSteps: number;
  /** time spent in model calls (engine-measured for completed steps, event to event for failed ones) */
  upstreamMs: number;
  /** when the first model call began (performance.now()) */
  firstCallAt?: number;
  fallbackTaken: boolean;
  end?: { ok: true } | { ok: false; error: string };
}

export interface FollowHooks {
  onDelta?(stepIndex: number, text: string): void;
  /** after every event, once the trace is updated */
  onEvent?(published: PublishedEvent, trace: TaskTrace): void;
}

/**
 * Subscribes to one task's events and folds them into a trace; resolves when the task ends. Subscribe
 * before the task runs (TaskService.submit starts it on the next turn, so right after submit is in time).
 */
export function followTask(bus: TaskEventBus, taskId: string, hooks: FollowHooks = {}) {
  const trace: TaskTrace = { started: new Map(), completed: [], failedSteps: 0, upstreamMs: 0, fallbackTaken: false };
  const startedAt = new Map<number, number>();
  let resolve: (trace: TaskTrace) => void = () => undefined;
  const done = new Promise<TaskTrace>((r) => (resolve = r));
  const unsubscribe = bus.subscribe(taskId, (published) => {
    const event = published.event;
    switch (event.type) {
      case "output.delta":
        hooks.onDelta?.(event.stepIndex, event.text);
        return;
      case "chain.planned":
        trace.chain = event.chain;
        break;
      case "step.started":
        trace.started.set(event.stepIndex, event.modelId);
        startedAt.set(event.stepIndex, performance.now());
        trace.firstCallAt ??= performance.now();
        break;
      case "step.completed":
        trace.completed.push(event);
        trace.upstreamMs += event.latencyMs;
        break;
      case "step.failed":
        trace.failedSteps += 1;
        trace.upstreamMs += performance.now() - (startedAt.get(event.stepIndex) ?? performance.now());
        break;
      case "message.sent":
        if (event.to === "result" && trace.answerStep === undefined && event.from.startsWith("step:")) trace.answerStep = Number(event.from.slice(5));
        break;
      case "fallback.taken":
        trace.fallbackTaken = true;
        break;
      case "task.completed":
        trace.end = { ok: true };
        break;
      case "task.failed":
        trace.end = { ok: false, error: event.error };
        break;
      default:
        break;
    }
    hooks.onEvent?.(published, trace);
    if (trace.end) {
      unsubscribe();
      resolve(trace);
    }
  });
  return { trace, done, stop: unsubscribe };
}

/** Models that served, in step order, de-duplicated: the x-ensemble-models header. */
export function servingModels(trace: TaskTrace): string[] {
  return [...new Set([...trace.completed].sort((a, b) => a.stepIndex - b.stepIndex).map((s) => s.modelId))];
}

export function usageOf(trace: TaskTrace) {
  let prompt = 0;
  let completion = 0;
  let cost = 0;
  for (const s of trace.completed) {
    prompt += s.inputTokens;
    completion += s.outputTokens;
    cost += s.costUsd;
  }
  return { usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion }, costUsd: cost };
}

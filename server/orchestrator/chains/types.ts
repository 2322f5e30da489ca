import type { ModelGuard } from "../resilience/guard";
import type { ResilienceOptions } from "../resilience/policy";
import type {
  Capability,
  Clock,
  FormattedResult,
  ModelChain,
  ModelClient,
  ModelResult,
  ModelSpec,
  RandomSource,
  Result,
  Task,
  TaskEvent,
  TaskRequirements,
} from "../spec";

/** Side effects the engine needs. Re-exported by engine.ts, which is where callers import them from. */
export interface EnginePorts {
  /** throws NotFoundError for unknown ids */
  client(modelId: string): ModelClient;
  /** pricing, context window */
  model(modelId: string): ModelSpec;
  /** the caller persists + publishes; synchronous */
  emit(event: TaskEvent): void;
  clock: Clock;
  random: RandomSource;
  /**
   * Optional: a model's capability-profile mean (0..1). Vote uses it to break ties between equally large groups.
   * Without it the engine falls back to the routing candidate scores in chain.explanation, then to plan order.
   */
  capabilityMean?(modelId: string, capability: Capability): number | undefined;
  /**
   * Optional: the model's circuit breaker and bulkhead, held process-wide by the caller (not per task) so every
   * task sees one breaker per model. Without it calls are only retried and timed out.
   */
  guard?(modelId: string): ModelGuard;
  /**
   * Optional, for a task resumed after a restart: what an earlier run recorded for this step index (indexes are
   * allocated in the same order on every run). A completed step is replayed, not re-run nor re-billed; a failed
   * one fails again with its recorded error; a refused one (step.refused: the model's breaker was open) is refused
   * again, whatever its breaker says now; undefined runs the step.
   */
  priorStep?(stepIndex: number, modelId: string): PriorStep | undefined;
}

/** A step recorded by an earlier run of the same task. */
export type PriorStep = { kind: "completed"; result: ModelResult } | { kind: "failed"; error: string } | { kind: "refused"; error: string };

export interface ExecuteBudget {
  maxCostUsd?: number;
  maxLatencyMs?: number;
  maxSteps?: number;
}

export interface ExecuteInput {
  task: Task;
  requirements: TaskRequirements;
  chain: ModelChain;
  /** cancel: stop at once, emit nothing more than step.failed for the running step(s) */
  signal?: AbortSignal;
  budget?: ExecuteBudget;
  /** default true: use client.stream and emit output.delta events */
  stream?: boolean;
  /** per-call retry/timeout settings; defaults to DEFAULT_RESILIENCE */
  resilience?: Partial<ResilienceOptions>;
}

export interface ExecuteOutcome {
  result: Result;
  formatted: FormattedResult;
  /**
   * The step whose text is the answer (the aggregator, the revision, the accepted cascade answer, the winning
   * voter): the model to credit for the task. Not derivable from result.contributors, which also lists the
   * steps that only fed it (proposers, drafts, verifiers, fellow voters).
   */
  answer: ModelResult;
  /** StrategyOutcome.doubt: the answer is returned but not worth serving again */
  doubt?: string;
  /** every completed step, in step-index order (failed steps are only in the events) */
  steps: ModelResult[];
  /** whether the result passed the format validator for requirements.format */
  valid: boolean;
}

/** What a strategy hands back to the engine for synthesis. */
export interface StrategyOutcome {
  /** the step whose text is the answer */
  answer: ModelResult;
  /** every step that contributed to the answer (including `answer`) */
  contributors: ModelResult[];
  /** the steps whose output flows into the "result" node (message.sent step:i → result) */
  into: ModelResult[];
  /** why the answer is known to be doubtful although it is returned (a cascade's verifier said NO to it) */
  doubt?: string;
}

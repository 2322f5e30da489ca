import { createCommunication, type TaskCommunication } from "../communication/communication";
import { DEFAULT_RESILIENCE, type ResilienceOptions } from "../resilience/policy";
import type { ModelChain, ModelResult, Task, TaskEvent, TaskRequirements } from "../spec";
import { createBudget, type BudgetTracker } from "./budget";
import type { EnginePorts, ExecuteInput } from "./types";

/** Everything a strategy needs for one task run. */
export interface ChainContext {
  task: Task;
  requirements: TaskRequirements;
  chain: ModelChain;
  ports: EnginePorts;
  signal?: AbortSignal;
  stream: boolean;
  resilience: ResilienceOptions;
  budget: BudgetTracker;
  communication: TaskCommunication;
  emit(event: TaskEvent): void;
  /** the next step index: unique and increasing within the task, fallbacks included */
  allocateIndex(): number;
  /** completed steps, in completion order */
  readonly completed: ModelResult[];
  /** models whose call failed or was refused in this task, last one last */
  readonly failed: Array<{ modelId: string; error: unknown }>;
}

export function createChainContext(input: ExecuteInput, ports: EnginePorts): ChainContext {
  let nextIndex = 0;
  // After a cancel only the running steps' step.failed may still go out; the step runner lets those through.
  const emit = (event: TaskEvent) => ports.emit(event);
  return {
    task: input.task,
    requirements: input.requirements,
    chain: input.chain,
    ports,
    signal: input.signal,
    stream: input.stream ?? true,
    resilience: { ...DEFAULT_RESILIENCE, ...input.resilience },
    budget: createBudget(input.budget ?? {}, ports.clock, input.requirements.format, input.requirements.expectedOutputTokens),
    communication: createCommunication(input.task.id, emit),
    emit,
    allocateIndex: () => nextIndex++,
    completed: [],
    failed: [],
  };
}

export const node = (stepIndex: number) => `step:${stepIndex}`;

import type { Channel, ModelMessage } from "./communication";
import type { ModelCapabilities, LLMModel } from "./index";
import type { FormattedResult, ModelChain, ModelResult, Result, Task, TaskRequirements } from "./task";

/** The seed's interfaces, kept as agreed in ARCHITECTURE.md. */
export interface ModelRegistry {
  registerModel(model: LLMModel): Promise<void>;
  getModel(id: string): LLMModel;
  listModels(): LLMModel[];
  updateCapabilities(id: string, capabilities: ModelCapabilities): void;
}

export interface TaskAnalyzer {
  analyze(task: Pick<Task, "prompt" | "constraints">): Promise<TaskRequirements>;
  suggestModelChain(requirements: TaskRequirements): ModelChain;
  validateRequirements(requirements: TaskRequirements): boolean;
}

export interface ResultSynthesizer {
  combine(results: ModelResult[]): Promise<Result>;
  validate(result: Result): boolean;
  format(result: Result): FormattedResult;
}

export interface ModelCommunication {
  sendMessage(message: ModelMessage): Promise<void>;
  receiveMessage(message: ModelMessage): Promise<void>;
  establishChannel(source: string, destination: string): Promise<Channel>;
}

/** Ports: side effects come in through these so every algorithm is deterministic under test. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface RandomSource {
  /** uniform in [0, 1) */
  next(): number;
}

import type { Capability } from "./capability";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface GenerateRequest {
  messages: ChatMessage[];
  maxOutputTokens?: number;
  temperature?: number;
  /** nucleus sampling, as the caller sent it (the gateway's top_p) */
  topP?: number;
  /** stop sequences, as the caller sent them (the gateway's stop) */
  stop?: string[];
  signal?: AbortSignal;
  /** what the task is about; the simulated provider draws hidden correctness from this skill */
  capabilityHint?: Capability;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export type FinishReason = "stop" | "length" | "content-filter" | "tool-calls" | "error" | "other";

export interface GenerateResult {
  text: string;
  usage: TokenUsage;
  finishReason: FinishReason;
  latencyMs: number;
  firstTokenMs?: number;
  /** ground truth known only to a simulated model; read only by the simulator-aware grader */
  simulatedTruth?: { correct: boolean; capability: Capability };
}

export type StreamPart =
  | { type: "text-delta"; text: string }
  | { type: "finish"; result: GenerateResult };

/**
 * The port every provider adapter implements. `stream` yields text deltas and ends with exactly one
 * `finish` part; a stream that ends without it is a failure (ProviderError kind "cut-stream").
 */
export interface ModelClient {
  readonly modelId: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  stream(request: GenerateRequest): AsyncIterable<StreamPart>;
}

export type ModelClientFactory = (modelId: string) => ModelClient;

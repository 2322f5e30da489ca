import { z } from "zod";
import type { Capability } from "./capability";
import type { ChatMessage } from "./client";

export const TASK_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const STRATEGIES = ["auto", "single", "fallback", "cascade", "pipeline", "mixture", "vote"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const ROUTING_POLICIES = ["balanced", "quality", "cost", "explore"] as const;
export type RoutingPolicy = (typeof ROUTING_POLICIES)[number];

export const OUTPUT_FORMATS = ["text", "json", "code", "short-answer", "list"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const MAX_TASK_CHARS = 100_000;

export const taskConstraintsSchema = z.object({
  maxCostUsd: z.number().positive("must be greater than 0").max(1000, "must be at most 1000").optional(),
  maxLatencyMs: z.number().int().positive("must be greater than 0").max(600_000, "must be at most 600000").optional(),
  minQuality: z.number().min(0).max(1).optional(),
});
export type TaskConstraints = z.infer<typeof taskConstraintsSchema>;

export interface Task {
  id: string;
  prompt: string;
  constraints: TaskConstraints;
  strategy: Strategy;
  policy: RoutingPolicy;
  /** optional: a whole conversation (the gateway's callers send one); every call sees it (chains/prompts.ts decides how) */
  messages?: ChatMessage[];
  /** optional: the caller's sampling settings (the gateway's), passed to every model call of the task */
  sampling?: Sampling;
}

/** Sampling settings a caller may set; maxOutputTokens never raises a step's own reserve, only lowers it. */
export interface Sampling {
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  stop?: string[];
}

export interface Evidence {
  feature: string;
  detail: string;
  weight?: number;
}

export interface TaskRequirements {
  capabilities: Record<Capability, number>;
  primary: Capability;
  format: OutputFormat;
  inputTokens: number;
  contextTokens: number;
  constraints: TaskConstraints;
  confidence: number;
  evidence: Evidence[];
  /** optional: output length the analyzer expects; routing estimates cost and latency from it (else by format) */
  expectedOutputTokens?: number;
}

export interface CandidateScore {
  modelId: string;
  score: number;
  components: Record<string, number>;
  rejected?: string;
  /** optional: why an eligible candidate lost to the leader (or, for the leader, why it won) */
  reason?: string;
}

export interface RoutingExplanation {
  policy: RoutingPolicy;
  summary: string;
  candidates: CandidateScore[];
  /** optional: models left out of `candidates` to keep it bounded, counted by why (constraint key, "outranked", "not-examined") */
  omitted?: Record<string, number>;
}

export type StepRole = "answer" | "fallback" | "draft" | "critique" | "revise" | "proposer" | "aggregator" | "voter" | "verifier";

export interface ChainStep {
  role: StepRole;
  modelId: string;
}

export interface ModelChain {
  strategy: Exclude<Strategy, "auto">;
  steps: ChainStep[];
  explanation: RoutingExplanation;
}

export interface ModelResult {
  stepIndex: number;
  modelId: string;
  role: StepRole;
  text: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
}

export interface Result {
  text: string;
  format: OutputFormat;
  contributors: number[];
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface FormattedResult {
  text: string;
  format: OutputFormat;
}

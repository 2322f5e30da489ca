import { UnsatisfiableError } from "../errors";
import type { Clock, OutputFormat } from "../spec";
import type { ExecuteBudget } from "./types";

export type BudgetCap = "maxCostUsd" | "maxLatencyMs" | "maxSteps";

/** The next step would break a budget cap; `details.constraint` names the cap. */
export class BudgetExceededError extends UnsatisfiableError {
  constructor(
    readonly cap: BudgetCap,
    message: string,
  ) {
    super(cap, message);
    this.name = "BudgetExceededError";
  }
}

/** Output length we expect before any step of the task has reported one, by format. */
const DEFAULT_OUTPUT_TOKENS: Record<OutputFormat, number> = {
  "short-answer": 256,
  json: 512,
  list: 512,
  text: 768,
  code: 1024,
};

export interface Admission {
  /** the step finished (or failed) and spent this much */
  settle(spent: { costUsd: number; latencyMs: number; outputTokens: number }): void;
}

export interface BudgetTracker {
  /**
   * Admit the next step or throw BudgetExceededError. Steps that are admitted but still running hold their
   * estimated cost, so parallel steps cannot overspend together.
   */
  admit(next: { modelId: string; estimateCostUsd: (outputTokens: number) => number }): Admission;
  /** ms left under maxLatencyMs (Infinity without a cap) */
  remainingMs(): number;
  expectedOutputTokens(): number;
  readonly caps: ExecuteBudget;
}

const usd = (n: number) => `$${n.toFixed(6).replace(/0+$/, "").replace(/\.$/, "")}`;

/** `expectedOutput` is the analyzer's guess (requirements.expectedOutputTokens) when it made one. */
export function createBudget(caps: ExecuteBudget, clock: Clock, format: OutputFormat, expectedOutput?: number): BudgetTracker {
  const startedAt = clock.now();
  let started = 0;
  let spentUsd = 0;
  let reservedUsd = 0;
  const latencies: number[] = [];
  const outputs: number[] = [];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  const tracker: BudgetTracker = {
    caps,
    expectedOutputTokens: () => (outputs.length > 0 ? Math.ceil(mean(outputs)) : (expectedOutput ?? DEFAULT_OUTPUT_TOKENS[format])),
    remainingMs: () => (caps.maxLatencyMs === undefined ? Number.POSITIVE_INFINITY : caps.maxLatencyMs - (clock.now() - startedAt)),
    admit(next) {
      if (caps.maxSteps !== undefined && started >= caps.maxSteps) {
        throw new BudgetExceededError("maxSteps", `step budget maxSteps=${caps.maxSteps} reached: ${started} step(s) already run, not starting ${next.modelId}`);
      }
      const estimate = next.estimateCostUsd(tracker.expectedOutputTokens());
      if (caps.maxCostUsd !== undefined && spentUsd + reservedUsd + estimate > caps.maxCostUsd) {
        throw new BudgetExceededError(
          "maxCostUsd",
          `cost budget maxCostUsd=${usd(caps.maxCostUsd)} would be exceeded: ${usd(spentUsd + reservedUsd)} spent or committed, next step on ${next.modelId} estimated at ${usd(estimate)}`,
        );
      }
      if (caps.maxLatencyMs !== undefined) {
        const elapsed = clock.now() - startedAt;
        const expected = latencies.length > 0 ? mean(latencies) : 0;
        if (elapsed >= caps.maxLatencyMs || elapsed + expected > caps.maxLatencyMs) {
          throw new BudgetExceededError(
            "maxLatencyMs",
            `latency budget maxLatencyMs=${caps.maxLatencyMs} would be exceeded: ${elapsed} ms elapsed, a step on ${next.modelId} takes ~${Math.round(expected)} ms`,
          );
        }
      }
      started++;
      reservedUsd += estimate;
      let settled = false;
      return {
        settle(spent) {
          if (settled) return;
          settled = true;
          reservedUsd -= estimate;
          spentUsd += spent.costUsd;
          if (spent.latencyMs > 0) latencies.push(spent.latencyMs);
          if (spent.outputTokens > 0) outputs.push(spent.outputTokens);
        },
      };
    },
  };
  return tracker;
}

/** A failure report that names the cap and what went before, for when a budget leaves no usable result. */
export function noUsableResult(error: BudgetExceededError, lastFailure?: unknown): BudgetExceededError {
  const cause = lastFailure instanceof Error ? `; last failure: ${lastFailure.message}` : "";
  return new BudgetExceededError(error.cap, `no usable result within budget: ${error.message}${cause}`);
}

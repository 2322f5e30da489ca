import { ProviderError } from "../errors";
import { isCancellation } from "../resilience/errors";
import type { ModelResult } from "../spec";
import { BudgetExceededError } from "./budget";
import type { ChainContext } from "./context";
import type { StrategyOutcome } from "./types";

/** One step answered on its own. */
export function soloOutcome(result: ModelResult): StrategyOutcome {
  return { answer: result, contributors: [result], into: [result] };
}

/** A cancel ends the chain at once: no fallback, no next step. */
export function rethrowIfCancelled(ctx: ChainContext, error: unknown): void {
  if (ctx.signal?.aborted || isCancellation(error)) throw error;
}

export function isBudgetStop(error: unknown): error is BudgetExceededError {
  return error instanceof BudgetExceededError;
}

/** The error for "every alternate failed": the last failure's kind, every failure's message. */
export function allFailed(failures: ReadonlyArray<{ modelId: string; error: unknown }>): Error {
  const last = failures[failures.length - 1];
  if (!last) return new ProviderError("bad-response", "the chain has no steps to run");
  if (failures.length === 1 && last.error instanceof Error) return last.error;
  const kind = last.error instanceof ProviderError ? last.error.kind : "bad-response";
  const status = last.error instanceof ProviderError ? last.error.status : undefined;
  const detail = failures.map((f) => `${f.modelId}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join("; ");
  return new ProviderError(kind, `all ${failures.length} models failed (${detail})`, status);
}

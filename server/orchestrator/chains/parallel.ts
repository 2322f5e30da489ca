import type { ModelResult } from "../spec";
import { cancelledError } from "../resilience/errors";
import { type BudgetExceededError } from "./budget";
import type { ChainContext } from "./context";
import { isBudgetStop, rethrowIfCancelled } from "./outcome";
import { runStep, type StepRequest } from "./step-runner";

export interface ParallelOutcome {
  /** successful steps, in request (plan) order */
  results: ModelResult[];
  failures: Array<{ modelId: string; error: unknown }>;
  /** set when the budget refused one or more of the requests */
  budgetStop?: BudgetExceededError;
}

/**
 * Start every request at once (proposers, voters, a cheap cascade tier) and wait for all of them. Budget
 * admission happens in plan order before the first await, so indexes follow the plan and a budget that only
 * covers some of them admits the first ones.
 */
export async function runParallel(ctx: ChainContext, requests: readonly StepRequest[]): Promise<ParallelOutcome> {
  const settled = await Promise.allSettled(requests.map((request) => runStep(ctx, request)));
  if (ctx.signal?.aborted) throw cancelledError();
  const outcome: ParallelOutcome = { results: [], failures: [] };
  settled.forEach((s, i) => {
    if (s.status === "fulfilled") {
      outcome.results.push(s.value);
      return;
    }
    rethrowIfCancelled(ctx, s.reason);
    if (isBudgetStop(s.reason)) outcome.budgetStop ??= s.reason;
    else outcome.failures.push({ modelId: requests[i]?.modelId ?? "?", error: s.reason });
  });
  return outcome;
}

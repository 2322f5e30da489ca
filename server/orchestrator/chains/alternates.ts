import { ProviderError } from "../errors";
import type { ChainStep } from "../spec";
import { noUsableResult } from "./budget";
import type { ChainContext } from "./context";
import { allFailed, isBudgetStop, rethrowIfCancelled, soloOutcome } from "./outcome";
import { answerMessages } from "./prompts";
import { runStep } from "./step-runner";
import type { StrategyOutcome } from "./types";

/**
 * Try each step in order until one answers: the shared core of `single` (with its "fallback" steps) and
 * `fallback`. Each switch emits fallback.taken, but only once the budget admitted the alternate, so the
 * event log never shows a fallback to a step that did not run.
 */
export async function runAlternates(
  ctx: ChainContext,
  steps: readonly ChainStep[],
  /** a failure before these alternates (the strategy that gave up): the first switch names it */
  earlier?: { modelId: string; error: unknown },
): Promise<StrategyOutcome> {
  const failures: Array<{ modelId: string; error: unknown }> = [];
  for (const step of steps) {
    const previous = failures[failures.length - 1] ?? earlier;
    try {
      const result = await runStep(ctx, {
        role: step.role,
        modelId: step.modelId,
        build: () => answerMessages(ctx.task, ctx.requirements.format, { verbatim: true }),
        onAdmitted: previous
          ? () =>
              ctx.emit({
                type: "fallback.taken",
                taskId: ctx.task.id,
                fromModelId: previous.modelId,
                toModelId: step.modelId,
                reason: previous.error instanceof Error ? previous.error.message : String(previous.error),
                ...(previous.error instanceof ProviderError ? { errorKind: previous.error.kind } : {}),
              })
          : undefined,
      });
      return soloOutcome(result);
    } catch (error) {
      rethrowIfCancelled(ctx, error);
      if (isBudgetStop(error)) throw noUsableResult(error, previous?.error);
      failures.push({ modelId: step.modelId, error });
    }
  }
  throw allFailed(earlier ? [earlier, ...failures] : failures);
}

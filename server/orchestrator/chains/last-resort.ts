import { ProviderError } from "../errors";
import { runAlternates } from "./alternates";
import type { ChainContext } from "./context";
import { rethrowIfCancelled } from "./outcome";
import type { StrategyOutcome } from "./types";

/**
 * When a strategy ends because its calls failed (not the budget, not a cancel), the plan's other models — those
 * that neither failed nor answered in this task, e.g. a cascade's verifier or a pipeline's critic — answer
 * alone, in plan order, each switch a fallback.taken. A plan is a ranked set of candidates: as long as one of
 * them is up, the task gets an answer. A plan of one model (a pinned model) has nobody to fall back to.
 */
export function withLastResort(runner: (ctx: ChainContext) => Promise<StrategyOutcome>) {
  return async (ctx: ChainContext): Promise<StrategyOutcome> => {
    try {
      return await runner(ctx);
    } catch (error) {
      rethrowIfCancelled(ctx, error);
      if (!(error instanceof ProviderError)) throw error;
      const used = new Set([...ctx.failed.map((f) => f.modelId), ...ctx.completed.map((r) => r.modelId)]);
      const untried = [...new Set(ctx.chain.steps.map((s) => s.modelId))].filter((id) => !used.has(id));
      const last = ctx.failed[ctx.failed.length - 1];
      if (untried.length === 0 || !last) throw error;
      return runAlternates(
        ctx,
        untried.map((modelId) => ({ role: "fallback" as const, modelId })),
        { modelId: last.modelId, error },
      );
    }
  };
}

import type { ChainContext } from "./context";
import { runAlternates } from "./alternates";
import type { StrategyOutcome } from "./types";

/** `fallback`: every step is an alternate, tried in plan order (the planner ranks them) until one answers. */
export async function runFallback(ctx: ChainContext): Promise<StrategyOutcome> {
  return runAlternates(ctx, ctx.chain.steps);
}

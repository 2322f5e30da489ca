import { InvalidInputError } from "../errors";
import type { ChainContext } from "./context";
import { runAlternates } from "./alternates";
import type { StrategyOutcome } from "./types";

/**
 * `single`: the first step answers. Steps with role "fallback" listed after it are its alternates, tried in
 * order when it fails; any other steps in the plan are ignored.
 */
export async function runSingle(ctx: ChainContext): Promise<StrategyOutcome> {
  const [first, ...rest] = ctx.chain.steps;
  if (!first) throw new InvalidInputError("chain.steps", "a single chain needs one step");
  return runAlternates(ctx, [first, ...rest.filter((s) => s.role === "fallback")]);
}

import type { ModelChain } from "../spec";
import { runCascade } from "./cascade";
import type { ChainContext } from "./context";
import { runFallback } from "./fallback";
import { runMixture } from "./mixture";
import { runPipeline } from "./pipeline";
import { runSingle } from "./single";
import { runVote } from "./vote";
import type { StrategyOutcome } from "./types";

export type StrategyRunner = (ctx: ChainContext) => Promise<StrategyOutcome>;

/** One runner per strategy the planner can choose. */
export const STRATEGY_RUNNERS: Record<ModelChain["strategy"], StrategyRunner> = {
  single: runSingle,
  fallback: runFallback,
  cascade: runCascade,
  pipeline: runPipeline,
  mixture: runMixture,
  vote: runVote,
};

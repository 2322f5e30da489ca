import type { ModelChain } from "../spec";
import { runCascade } from "./cascade";
import type { ChainContext } from "./context";
import { runFallback } from "./fallback";
import { withLastResort } from "./last-resort";
import { runMixture } from "./mixture";
import { runPipeline } from "./pipeline";
import { runSingle } from "./single";
import { runVote } from "./vote";
import type { StrategyOutcome } from "./types";

export type StrategyRunner = (ctx: ChainContext) => Promise<StrategyOutcome>;

/** One runner per strategy the planner can choose; each falls back to the plan's untried models when its calls fail. */
export const STRATEGY_RUNNERS: Record<ModelChain["strategy"], StrategyRunner> = {
  single: withLastResort(runSingle),
  fallback: withLastResort(runFallback),
  cascade: withLastResort(runCascade),
  pipeline: withLastResort(runPipeline),
  mixture: withLastResort(runMixture),
  vote: withLastResort(runVote),
};

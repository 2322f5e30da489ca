import type { ModelResult } from "../spec";
import { normalizeAnswer } from "../synthesis/normalize";
import { noUsableResult } from "./budget";
import type { ChainContext } from "./context";
import { allFailed } from "./outcome";
import { answerMessages } from "./prompts";
import { runParallel } from "./parallel";
import { strengthOf } from "./tie-break";
import type { StrategyOutcome } from "./types";

/*
 * `vote`: the "voter" steps (every step if none has that role) answer in parallel; the majority over normalised
 * short answers wins (synthesis/normalize.ts). Equal-sized groups are ranked by the mean strength of their voters
 * on requirements.primary (see tie-break.ts), then by the earliest voter in plan order. The answer text is the
 * winning group's first voter's reply; every voter of the group contributes and feeds the result node.
 */

export interface VoteGroup {
  key: string;
  voters: ModelResult[];
  strength?: number;
}

export function groupVotes(results: readonly ModelResult[]): VoteGroup[] {
  const groups = new Map<string, VoteGroup>();
  for (const result of results) {
    const key = normalizeAnswer(result.text);
    if (key === "") continue;
    const group = groups.get(key) ?? { key, voters: [] };
    group.voters.push(result);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Most votes first; then strength (when known for all); then the group whose first voter came first. */
export function rankGroups(groups: readonly VoteGroup[]): VoteGroup[] {
  const first = (g: VoteGroup) => Math.min(...g.voters.map((v) => v.stepIndex));
  return [...groups].sort(
    (a, b) =>
      b.voters.length - a.voters.length ||
      (a.strength !== undefined && b.strength !== undefined ? b.strength - a.strength : 0) ||
      first(a) - first(b),
  );
}

export async function runVote(ctx: ChainContext): Promise<StrategyOutcome> {
  const voterSteps = ctx.chain.steps.filter((s) => s.role === "voter");
  const voters = voterSteps.length > 0 ? voterSteps : ctx.chain.steps;
  // A vote compares short answers, so free-text tasks are asked for an explicit final answer line too.
  const format = ctx.requirements.format === "text" ? "short-answer" : ctx.requirements.format;
  const round = await runParallel(
    ctx,
    voters.map((s) => ({ role: s.role, modelId: s.modelId, build: () => answerMessages(ctx.task, format) })),
  );
  if (round.results.length === 0) {
    if (round.budgetStop) throw noUsableResult(round.budgetStop, round.failures[round.failures.length - 1]?.error);
    throw allFailed(round.failures);
  }

  const strength = strengthOf(ctx, round.results.map((r) => r.modelId));
  const groups = groupVotes(round.results).map((g) => ({
    ...g,
    strength: strength ? g.voters.reduce((sum, v) => sum + (strength.get(v.modelId) ?? 0), 0) / g.voters.length : undefined,
  }));
  const winner = rankGroups(groups)[0];
  if (!winner) {
    const only = round.results[0] as ModelResult;
    return { answer: only, contributors: [only], into: [only] };
  }
  const [answer] = winner.voters as [ModelResult, ...ModelResult[]];
  return { answer, contributors: winner.voters, into: winner.voters };
}

import type { ContextEntry } from "../communication/context-store";
import type { ChatMessage, ModelResult } from "../spec";
import { noUsableResult } from "./budget";
import { node, type ChainContext } from "./context";
import { allFailed, isBudgetStop, rethrowIfCancelled } from "./outcome";
import { answerMessages, formatInstruction, quoteTask } from "./prompts";
import { runParallel } from "./parallel";
import { runStep } from "./step-runner";
import type { StrategyOutcome } from "./types";

/*
 * `mixture` (Mixture-of-Agents): the "proposer" steps answer in parallel, then the "aggregator" step synthesises
 * their answers. A failing proposer is tolerated while at least one succeeds. Several "aggregator" steps are
 * alternates for one another; if no aggregator answers (failure or budget), the first successful proposal in plan
 * order is the answer (fallback.taken says so). A plan without proposers uses every non-aggregator step.
 */

/** The aggregate-and-synthesise prompt of Wang et al., "Mixture-of-Agents Enhances LLM Capabilities" (2024). */
export const MOA_AGGREGATE_PROMPT =
  "You have been provided with a set of responses from various open-source models to the latest user query. " +
  "Your task is to synthesize these responses into a single, high-quality response. It is crucial to critically " +
  "evaluate the information provided in these responses, recognizing that some of it may be biased or incorrect. " +
  "Your response should not simply replicate the given answers but should offer a refined, accurate, and " +
  "comprehensive reply to the instruction. Ensure your response is well-structured, coherent, and adheres to the " +
  "highest standards of accuracy and reliability.";

export function aggregatorMessages(ctx: ChainContext, proposals: readonly ContextEntry[]): ChatMessage[] {
  const instruction = formatInstruction(ctx.requirements.format);
  const numbered = proposals.map((p, i) => `${i + 1}. ${p.content}`).join("\n\n");
  return [
    { role: "system", content: `${MOA_AGGREGATE_PROMPT}${instruction ? ` ${instruction}` : ""}\n\nResponses from models:\n\n${numbered}` },
    { role: "user", content: quoteTask(ctx.task) },
  ];
}

export async function runMixture(ctx: ChainContext): Promise<StrategyOutcome> {
  const aggregators = ctx.chain.steps.filter((s) => s.role === "aggregator");
  const proposerSteps = ctx.chain.steps.filter((s) => s.role === "proposer");
  const proposers = proposerSteps.length > 0 ? proposerSteps : ctx.chain.steps.filter((s) => s.role !== "aggregator");

  const round = await runParallel(
    ctx,
    proposers.map((s) => ({ role: s.role, modelId: s.modelId, build: () => answerMessages(ctx.task, ctx.requirements.format) })),
  );
  const proposals = round.results;
  const best = proposals[0];
  if (!best) {
    if (round.budgetStop) throw noUsableResult(round.budgetStop, round.failures[round.failures.length - 1]?.error);
    throw allFailed(round.failures);
  }

  let reason = "the plan has no aggregator";
  let from = best.modelId;
  for (const step of aggregators) {
    try {
      const aggregate: ModelResult = await runStep(ctx, {
        role: "aggregator",
        modelId: step.modelId,
        incoming: proposals.map((p) => ({ from: node(p.stepIndex), kind: "response" as const, content: p.text })),
        build: (context) => aggregatorMessages(ctx, context),
        onAdmitted: step === aggregators[0] ? undefined : () => ctx.emit({ type: "fallback.taken", taskId: ctx.task.id, fromModelId: from, toModelId: step.modelId, reason }),
      });
      return { answer: aggregate, contributors: [...proposals, aggregate], into: [aggregate] };
    } catch (error) {
      rethrowIfCancelled(ctx, error);
      reason = isBudgetStop(error) ? error.message : error instanceof Error ? error.message : String(error);
      from = step.modelId;
      if (isBudgetStop(error)) break;
    }
  }
  if (aggregators.length > 0) {
    ctx.emit({ type: "fallback.taken", taskId: ctx.task.id, fromModelId: from, toModelId: best.modelId, reason: `aggregation failed (${reason}); using the first proposal` });
  }
  return { answer: best, contributors: [best], into: [best] };
}

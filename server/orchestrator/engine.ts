import { createChainContext, node } from "./chains/context";
import { STRATEGY_RUNNERS } from "./chains/index";
import type { EnginePorts, ExecuteInput, ExecuteOutcome } from "./chains/types";
import { InvalidInputError } from "./errors";
import { estimateTokens } from "./communication/tokens";
import { cancelledError } from "./resilience/errors";
import { createResultSynthesizer } from "./synthesis/synthesizer";

export type { EnginePorts, ExecuteBudget, ExecuteInput, ExecuteOutcome, PriorStep } from "./chains/types";
export { BudgetExceededError } from "./chains/budget";

/**
 * Execute a planned ModelChain for one task and synthesise its result.
 *
 * Emits step-level events only (step.*, output.delta, message.sent, fallback.taken); the caller emits task.*.
 * Throws a DomainError/ProviderError when the chain cannot produce a result, after step.failed for each
 * failure; a cancel throws ProviderError kind "aborted" and emits nothing after the running steps' step.failed.
 */
export async function executeChain(input: ExecuteInput, ports: EnginePorts): Promise<ExecuteOutcome> {
  if (input.chain.steps.length === 0) throw new InvalidInputError("chain.steps", "a chain needs at least one step");
  const runner = STRATEGY_RUNNERS[input.chain.strategy];
  if (!runner) throw new InvalidInputError("chain.strategy", `unknown strategy "${String(input.chain.strategy)}"`);

  const ctx = createChainContext(input, ports);
  if (input.signal?.aborted) throw cancelledError();
  const outcome = await runner(ctx);
  if (input.signal?.aborted) throw cancelledError();

  const synthesizer = createResultSynthesizer(input.requirements.format);
  const others = outcome.contributors.filter((r) => r !== outcome.answer);
  const combined = await synthesizer.combine([...others, outcome.answer]);
  const steps = [...ctx.completed].sort((a, b) => a.stepIndex - b.stepIndex);
  // The Result accounts for the whole task (every completed step, including rejected cascade tiers and
  // voters in the minority): it is what the task cost, and what the caller records.
  const result = {
    ...combined,
    inputTokens: steps.reduce((sum, s) => sum + s.inputTokens, 0),
    outputTokens: steps.reduce((sum, s) => sum + s.outputTokens, 0),
    costUsd: steps.reduce((sum, s) => sum + s.costUsd, 0),
  };
  for (const step of outcome.into) {
    await ctx.communication.sendMessage({
      taskId: input.task.id,
      from: node(step.stepIndex),
      to: "result",
      kind: "response",
      content: step.text,
      tokens: estimateTokens(step.text),
    });
  }
  return { result, formatted: synthesizer.format(result), answer: outcome.answer, ...(outcome.doubt ? { doubt: outcome.doubt } : {}), steps, valid: synthesizer.validate(result) };
}

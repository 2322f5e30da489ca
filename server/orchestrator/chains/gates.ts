import { normalizeAnswer } from "../synthesis/normalize";
import { validateFormat, type Validation } from "../synthesis/validators";
import type { ChainStep, ModelResult, OutputFormat } from "../spec";
import type { BudgetExceededError } from "./budget";
import type { ChainContext } from "./context";
import { node } from "./context";
import { isBudgetStop, rethrowIfCancelled } from "./outcome";
import { formatInstruction, quoteTask } from "./prompts";
import { runStep } from "./step-runner";

/**
 * Quality gates for the cascade. A cheap answer is accepted only when it passes the format validator for
 * requirements.format (JSON parses; a short answer is present; code is syntactically balanced — never run) AND
 * the second check: a verifier model's YES, or agreement with another cheap answer.
 */
export function formatGate(format: OutputFormat, text: string): Validation {
  return validateFormat(format, text);
}

export type Verdict = "yes" | "no" | "unknown";

/** The verdict in a verifier's reply: its first YES or NO word, ignoring markdown and punctuation. */
export function parseVerdict(text: string): Verdict {
  const word = text.toLowerCase().match(/\b(yes|no)\b/)?.[1];
  return word === "yes" ? "yes" : word === "no" ? "no" : "unknown";
}

/** Two answers agree when their normalised short answers are equal and non-empty. */
export function answersAgree(a: string, b: string): boolean {
  const x = normalizeAnswer(a);
  return x !== "" && x === normalizeAnswer(b);
}

/** Agreement compares short answers; for free text equal wording means little, so the gate is format-only. */
export function agreementApplies(format: OutputFormat): boolean {
  return format === "short-answer";
}

export const VERIFIER_QUESTION = "Is this answer correct? Reply YES or NO.";

/**
 * Ask the verifier about one answer. The answer reaches the verifier through a channel (step:i → step:v), and
 * the verdict goes back the other way as a "verdict" message so the graph shows who judged what. A verifier
 * that fails or is refused by the budget gives "unknown".
 */
export async function verify(
  ctx: ChainContext,
  verifier: ChainStep,
  answer: ModelResult,
): Promise<{ verdict: Verdict; step?: ModelResult; budgetStop?: BudgetExceededError }> {
  const instruction = formatInstruction(ctx.requirements.format);
  try {
    const step = await runStep(ctx, {
      role: "verifier",
      modelId: verifier.modelId,
      incoming: [{ from: node(answer.stepIndex), kind: "response", content: answer.text }],
      build: (context) => [
        {
          role: "system",
          content: `You check answers strictly.${instruction ? ` The answer was asked to follow this rule: ${instruction}` : ""}`,
        },
        {
          role: "user",
          content: `${quoteTask(ctx.task, "Question")}\n\nProposed answer:\n${context.map((c) => c.content).join("\n\n")}\n\n${VERIFIER_QUESTION}`,
        },
      ],
    });
    const verdict = parseVerdict(step.text);
    await ctx.communication.sendMessage({
      taskId: ctx.task.id,
      from: node(step.stepIndex),
      to: node(answer.stepIndex),
      kind: "verdict",
      content: verdict.toUpperCase(),
      tokens: 1,
    });
    return { verdict, step };
  } catch (error) {
    rethrowIfCancelled(ctx, error);
    return isBudgetStop(error) ? { verdict: "unknown", budgetStop: error } : { verdict: "unknown" };
  }
}

import { ProviderError } from "../errors";
import type { ChainStep, ModelResult } from "../spec";
import { noUsableResult, type BudgetExceededError } from "./budget";
import type { ChainContext } from "./context";
import { agreementApplies, answersAgree, formatGate, verify } from "./gates";
import { allFailed, isBudgetStop, rethrowIfCancelled } from "./outcome";
import { runParallel } from "./parallel";
import { answerMessages } from "./prompts";
import { runStep, type StepRequest } from "./step-runner";
import type { StrategyOutcome } from "./types";

/*
 * `cascade`: cheap model first, escalate when the quality gate fails.
 *
 * Expected plan: steps with role "answer" in ascending cost order (the planner sorts them; the cascade runs them
 * in the order given), plus optionally one step with role "verifier". Other roles are ignored.
 *
 * Gate, by what the plan offers:
 *  - verifier present: an answer passes when it passes the format validator and the verifier replies YES. The
 *    verifier is the top tier (the planner puts the strong model there): when it rejects the last answer, it
 *    answers the task itself, and that answer is taken without asking. (A verifier whose model also has an
 *    answer step is not a tier above it: there the last answer is taken without asking.)
 *  - no verifier, format "short-answer", ≥2 answers: the two cheapest run in parallel; the cascade accepts as
 *    soon as two format-valid answers agree (normalised), escalating one model at a time until they do.
 *  - otherwise: the format validator alone.
 * A failed call also escalates. When nothing passes, the last format-valid answer is returned (then any answer at
 * all); the budget stops escalation in the same way. Every escalation emits fallback.taken with the reason.
 */

function answerSteps(ctx: ChainContext): ChainStep[] {
  const answers = ctx.chain.steps.filter((s) => s.role === "answer");
  return answers.length > 0 ? answers : ctx.chain.steps.filter((s) => s.role !== "verifier");
}

interface Escalation {
  from: string;
  reason: string;
  errorKind?: string;
}

function answerRequest(ctx: ChainContext, step: ChainStep, escalation?: Escalation): StepRequest {
  return {
    role: step.role,
    modelId: step.modelId,
    build: () => answerMessages(ctx.task, ctx.requirements.format),
    onAdmitted: escalation
      ? () =>
          ctx.emit({
            type: "fallback.taken",
            taskId: ctx.task.id,
            fromModelId: escalation.from,
            toModelId: step.modelId,
            reason: escalation.reason,
            ...(escalation.errorKind ? { errorKind: escalation.errorKind } : {}),
          })
      : undefined,
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** an escalation after a failed call: its message, and its kind when the provider said */
const failedCall = (from: string, error: unknown): Escalation => ({
  from,
  reason: message(error),
  ...(error instanceof ProviderError ? { errorKind: error.kind } : {}),
});

/** What the cascade has seen so far: the best fallback answers if no gate ever passes. */
class Tally {
  valid: ModelResult[] = [];
  any: ModelResult[] = [];
  failures: Array<{ modelId: string; error: unknown }> = [];
  budgetStop?: BudgetExceededError;
  /** step indexes of answers the verifier said NO to */
  rejected = new Set<number>();

  record(ctx: ChainContext, result: ModelResult): { ok: boolean; reason: string } {
    this.any.push(result);
    const check = formatGate(ctx.requirements.format, result.text);
    if (check.ok) this.valid.push(result);
    return check.ok ? { ok: true, reason: "" } : { ok: false, reason: `format check failed: ${check.reason}` };
  }

  /** No gate passed: the most capable format-valid answer, else the most capable answer, else the failure. */
  settle(): StrategyOutcome {
    const pick = this.valid[this.valid.length - 1] ?? this.any[this.any.length - 1];
    if (pick && this.rejected.has(pick.stepIndex)) {
      return { answer: pick, contributors: [pick], into: [pick], doubt: "the verifier said NO to this answer and could not answer in its place" };
    }
    if (pick) return { answer: pick, contributors: [pick], into: [pick] };
    if (this.budgetStop) throw noUsableResult(this.budgetStop, this.failures[this.failures.length - 1]?.error);
    throw allFailed(this.failures);
  }
}

async function withVerifier(ctx: ChainContext, answers: ChainStep[], verifier: ChainStep): Promise<StrategyOutcome> {
  const tally = new Tally();
  const tiers = answers.some((s) => s.modelId === verifier.modelId) ? answers : [...answers, { ...verifier, role: "answer" as const }];
  let escalation: Escalation | undefined;
  for (const [i, step] of tiers.entries()) {
    const isLast = i === tiers.length - 1;
    let result: ModelResult;
    try {
      result = await runStep(ctx, answerRequest(ctx, step, escalation));
    } catch (error) {
      rethrowIfCancelled(ctx, error);
      if (isBudgetStop(error)) {
        tally.budgetStop = error;
        break;
      }
      tally.failures.push({ modelId: step.modelId, error });
      escalation = failedCall(step.modelId, error);
      continue;
    }
    const format = tally.record(ctx, result);
    if (!format.ok) {
      escalation = { from: step.modelId, reason: format.reason };
      continue;
    }
    if (isLast) return { answer: result, contributors: [result], into: [result] };
    const { verdict, step: verdictStep, budgetStop } = await verify(ctx, verifier, result);
    if (verdict === "yes" && verdictStep) return { answer: result, contributors: [result, verdictStep], into: [result] };
    if (budgetStop) {
      tally.budgetStop = budgetStop;
      break;
    }
    if (verdict === "no") tally.rejected.add(result.stepIndex);
    escalation = { from: step.modelId, reason: verdict === "no" ? "verifier said NO" : "verifier gave no verdict" };
  }
  return tally.settle();
}

async function byAgreement(ctx: ChainContext, answers: ChainStep[]): Promise<StrategyOutcome> {
  const tally = new Tally();
  const agreeing = (result: ModelResult) => tally.valid.find((other) => other !== result && answersAgree(other.text, result.text));

  const [first, second, ...rest] = answers;
  if (!first || !second) return tally.settle();
  const tier = await runParallel(ctx, [answerRequest(ctx, first), answerRequest(ctx, second)]);
  tally.failures.push(...tier.failures);
  tally.budgetStop = tier.budgetStop;
  for (const result of tier.results) tally.record(ctx, result);
  const [a, b] = tally.valid;
  if (a && b && answersAgree(a.text, b.text)) return { answer: b, contributors: [a, b], into: [b] };
  if (tier.budgetStop) return tally.settle();

  let previous = second.modelId;
  let reason = tally.valid.length >= 2 ? "cheap answers disagree" : "not enough valid cheap answers to compare";
  for (const step of rest) {
    try {
      const result = await runStep(ctx, answerRequest(ctx, step, { from: previous, reason }));
      const format = tally.record(ctx, result);
      const match = format.ok ? agreeing(result) : undefined;
      if (match) return { answer: result, contributors: [match, result], into: [result] };
      reason = format.ok ? `${step.modelId} agrees with no earlier answer` : format.reason;
    } catch (error) {
      rethrowIfCancelled(ctx, error);
      if (isBudgetStop(error)) {
        tally.budgetStop = error;
        break;
      }
      tally.failures.push({ modelId: step.modelId, error });
      reason = message(error);
    }
    previous = step.modelId;
  }
  return tally.settle();
}

async function byFormat(ctx: ChainContext, answers: ChainStep[]): Promise<StrategyOutcome> {
  const tally = new Tally();
  let escalation: Escalation | undefined;
  for (const step of answers) {
    try {
      const result = await runStep(ctx, answerRequest(ctx, step, escalation));
      const format = tally.record(ctx, result);
      if (format.ok) return { answer: result, contributors: [result], into: [result] };
      escalation = { from: step.modelId, reason: format.reason };
    } catch (error) {
      rethrowIfCancelled(ctx, error);
      if (isBudgetStop(error)) {
        tally.budgetStop = error;
        break;
      }
      tally.failures.push({ modelId: step.modelId, error });
      escalation = failedCall(step.modelId, error);
    }
  }
  return tally.settle();
}

export async function runCascade(ctx: ChainContext): Promise<StrategyOutcome> {
  const answers = answerSteps(ctx);
  const verifier = ctx.chain.steps.find((s) => s.role === "verifier");
  if (verifier && answers.length > 0) return withVerifier(ctx, answers, verifier);
  if (answers.length >= 2 && agreementApplies(ctx.requirements.format)) return byAgreement(ctx, answers);
  return byFormat(ctx, answers);
}

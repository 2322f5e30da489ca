import type { ContextEntry } from "../communication/context-store";
import type { ChainStep, ChatMessage, ModelResult } from "../spec";
import { noUsableResult, type BudgetExceededError } from "./budget";
import { node, type ChainContext } from "./context";
import { formatGate } from "./gates";
import { allFailed, isBudgetStop, rethrowIfCancelled } from "./outcome";
import { answerMessages, formatInstruction, quoteTask } from "./prompts";
import { runStep } from "./step-runner";
import type { StrategyOutcome } from "./types";

/*
 * `pipeline`: draft → critique → revise, each role its own model, context passed through channels.
 *
 * Expected plan: one or more "draft" steps (the first answers; later ones are alternates if it fails), then any
 * number of "critique" + "revise" pairs, in order. Each critique reads the latest draft (step:d → step:c,
 * kind "response"); each revise reads the latest draft and that critique (kind "critique") and its output becomes
 * the new latest draft — unless it fails the format check while the draft it revised passes (fallback.taken says
 * so). A failed or budget-refused critique/revise keeps the latest draft as the answer.
 */

const text = (entries: readonly ContextEntry[], kind: ContextEntry["kind"]) =>
  entries.filter((e) => e.kind === kind).map((e) => e.content).join("\n\n");

function system(ctx: ChainContext, role: string): ChatMessage {
  const instruction = formatInstruction(ctx.requirements.format);
  return { role: "system", content: `${role}${instruction ? ` ${instruction}` : ""}` };
}

export function critiqueMessages(ctx: ChainContext, context: readonly ContextEntry[]): ChatMessage[] {
  return [
    { role: "system", content: "You are a careful reviewer. Find concrete errors, omissions and unclear parts. Do not rewrite the answer." },
    {
      role: "user",
      content: `${quoteTask(ctx.task, "Task")}\n\nDraft answer:\n${text(context, "response")}\n\nList the problems in the draft and how to fix each one.`,
    },
  ];
}

export function reviseMessages(ctx: ChainContext, context: readonly ContextEntry[]): ChatMessage[] {
  return [
    system(ctx, "You improve a draft using a reviewer's critique. Reply with the final answer only."),
    {
      role: "user",
      content: `${quoteTask(ctx.task, "Task")}\n\nDraft answer:\n${text(context, "response")}\n\nReviewer's critique:\n${text(context, "critique")}\n\nWrite the improved final answer.`,
    },
  ];
}

export async function runPipeline(ctx: ChainContext): Promise<StrategyOutcome> {
  let latest: ModelResult | undefined;
  let critique: ModelResult | undefined;
  const contributors: ModelResult[] = [];
  const failures: Array<{ modelId: string; error: unknown }> = [];
  let budgetStop: BudgetExceededError | undefined;

  async function attempt(step: ChainStep, run: () => Promise<ModelResult>): Promise<ModelResult | undefined> {
    try {
      return await run();
    } catch (error) {
      rethrowIfCancelled(ctx, error);
      if (isBudgetStop(error)) budgetStop = error;
      else failures.push({ modelId: step.modelId, error });
      return undefined;
    }
  }

  for (const step of ctx.chain.steps) {
    if (budgetStop) break;
    if (step.role === "draft" || step.role === "answer") {
      if (latest) continue;
      const previous = failures[failures.length - 1];
      latest = await attempt(step, () =>
        runStep(ctx, {
          role: step.role,
          modelId: step.modelId,
          build: () => answerMessages(ctx.task, ctx.requirements.format),
          onAdmitted: previous
            ? () => ctx.emit({ type: "fallback.taken", taskId: ctx.task.id, fromModelId: previous.modelId, toModelId: step.modelId, reason: previous.error instanceof Error ? previous.error.message : String(previous.error) })
            : undefined,
        }),
      );
      if (latest) contributors.push(latest);
    } else if (step.role === "critique" && latest) {
      const draft: ModelResult = latest;
      critique = await attempt(step, () =>
        runStep(ctx, {
          role: "critique",
          modelId: step.modelId,
          incoming: [{ from: node(draft.stepIndex), kind: "response", content: draft.text }],
          build: (context) => critiqueMessages(ctx, context),
        }),
      );
    } else if (step.role === "revise" && latest && critique) {
      const draft: ModelResult = latest;
      const review: ModelResult = critique;
      const revised = await attempt(step, () =>
        runStep(ctx, {
          role: "revise",
          modelId: step.modelId,
          incoming: [
            { from: node(draft.stepIndex), kind: "response", content: draft.text },
            { from: node(review.stepIndex), kind: "critique", content: review.text },
          ],
          build: (context) => reviseMessages(ctx, context),
        }),
      );
      critique = undefined;
      if (revised) {
        const check = formatGate(ctx.requirements.format, revised.text);
        // a revision that breaks the format would discard a well-formed draft; its step stays recorded (and billed)
        if (!check.ok && formatGate(ctx.requirements.format, draft.text).ok) {
          ctx.emit({ type: "fallback.taken", taskId: ctx.task.id, fromModelId: step.modelId, toModelId: draft.modelId, reason: `revision failed the format check (${check.reason}); keeping the previous draft` });
        } else {
          contributors.push(review, revised);
          latest = revised;
        }
      }
    }
  }

  if (!latest) {
    if (budgetStop) throw noUsableResult(budgetStop, failures[failures.length - 1]?.error);
    throw allFailed(failures.length > 0 ? failures : [{ modelId: "pipeline", error: new Error("the plan has no draft step") }]);
  }
  return { answer: latest, contributors, into: [latest] };
}

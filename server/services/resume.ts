import type { Db } from "@/db/client";
import { deleteStepAttempt } from "@/db/queries/queue";
import type { TaskEventRow, TaskRow, TaskStepRow } from "@/db/queries/tasks";
import type { PriorStep } from "@/server/orchestrator/engine";
import type { ModelChain, ModelResult, StepRole, TaskEvent } from "@/server/orchestrator/spec";
import type { TaskRecorder } from "./task-recorder";

/** The error a task gets when a restart could not continue it. */
export const INTERRUPTED = "interrupted";

export type ResumeVerdict = { resumable: true } | { resumable: false; why: string };

/**
 * Can a task left `running` by a stopped process continue from its last committed step? Only when its
 * analysis and plan are on record (they are not recomputed: routing may choose differently today) and every
 * model of the plan is still in the roster and enabled.
 */
export function resumeVerdict(row: Pick<TaskRow, "requirements" | "plan">, modelUsable: (id: string) => boolean): ResumeVerdict {
  if (!row.requirements) return { resumable: false, why: "no analysis was recorded" };
  const plan = row.plan as ModelChain | null;
  if (!plan || plan.steps.length === 0) return { resumable: false, why: "no plan was recorded" };
  const gone = plan.steps.map((s) => s.modelId).filter((id) => !modelUsable(id));
  if (gone.length) return { resumable: false, why: `the plan's model ${gone.join(", ")} is gone or disabled` };
  return { resumable: true };
}

/**
 * Marks the step attempts the crash cut short as failed "interrupted" (the event stays in the task's log) and
 * drops their rows, so the resumed run records its new attempt under the same index. Returns how many.
 */
export function closeInterruptedSteps(db: Db, record: TaskRecorder, taskId: string, steps: readonly TaskStepRow[]): number {
  const cut = steps.filter((s) => s.status === "running");
  for (const step of cut) {
    record({ type: "step.failed", taskId, stepIndex: step.stepIndex, modelId: step.modelId, error: `${INTERRUPTED}: the server stopped during this step; it runs again` });
    deleteStepAttempt(db, taskId, step.stepIndex);
  }
  return cut.length;
}

/**
 * What an earlier run committed, by step index: completed steps replay their result, failed ones their error
 * (both from their rows), and steps a breaker refused their refusal (from their step.refused events: a refused
 * step has no row). Without the refusals a resumed run, its breakers closed again, would call the refused model
 * under that index and silently take another path than the one on record.
 */
export function priorStepsOf(steps: readonly TaskStepRow[], events: readonly Pick<TaskEventRow, "type" | "payload">[] = []): Map<number, { modelId: string; prior: PriorStep }> {
  const priors = new Map<number, { modelId: string; prior: PriorStep }>();
  for (const e of events) {
    if (e.type !== "step.refused") continue;
    const refused = e.payload as Extract<TaskEvent, { type: "step.refused" }>;
    priors.set(refused.stepIndex, { modelId: refused.modelId, prior: { kind: "refused", error: refused.error } });
  }
  for (const s of steps) {
    if (s.status === "completed") {
      const result: ModelResult = {
        stepIndex: s.stepIndex,
        modelId: s.modelId,
        role: s.role as StepRole,
        text: s.output ?? "",
        inputTokens: s.inputTokens,
        outputTokens: s.outputTokens,
        costUsd: s.costUsd,
        latencyMs: s.latencyMs ?? 0,
      };
      priors.set(s.stepIndex, { modelId: s.modelId, prior: { kind: "completed", result } });
    } else if (s.status === "failed") {
      priors.set(s.stepIndex, { modelId: s.modelId, prior: { kind: "failed", error: s.error ?? "failed" } });
    }
  }
  return priors;
}

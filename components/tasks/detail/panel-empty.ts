import type { TaskStatus } from "@/server/orchestrator/spec";

/** What the detail panels need to know to explain why they have nothing to show. */
export interface TaskOutcome {
  status: TaskStatus;
  cacheHit: boolean | null;
  cachedFromTaskId: string | null;
}

export type EmptyReason = "cached" | "pending" | "failed" | "cancelled" | "unrecorded";

export interface EmptyCopy {
  title: string;
  hint: string;
  /** the answer came from another task: link to it, where the analysis, plan and steps are */
  linkToOrigin: boolean;
}

/**
 * Why a task has no requirements, plan or steps. A cache hit completes the task without analysing, planning or
 * calling anything, so "not yet" or "the error above" would both be wrong there.
 */
export function emptyReason(task: TaskOutcome): EmptyReason {
  if (task.cacheHit === true) return "cached";
  switch (task.status) {
    case "queued":
    case "running":
      return "pending";
    case "failed":
      return "failed";
    case "cancelled":
      return "cancelled";
    case "completed":
      return "unrecorded";
  }
}

const CACHED_TITLE = "Answered from the result cache";

type CopyTable = Record<EmptyReason, Omit<EmptyCopy, "linkToOrigin">>;

const PLAN_COPY: CopyTable = {
  cached: { title: CACHED_TITLE, hint: "No model was chosen or called for this task; the original task shows how its model was picked." },
  pending: { title: "No plan yet", hint: "The plan appears once the task has been analysed." },
  failed: { title: "No plan", hint: "The task failed before a model was chosen; the error above says why." },
  cancelled: { title: "No plan", hint: "The task was cancelled before a model was chosen." },
  unrecorded: { title: "No plan recorded", hint: "This task completed without a recorded plan." },
};

const REQUIREMENTS_COPY: CopyTable = {
  cached: { title: CACHED_TITLE, hint: "No model was called, so this prompt was not analysed here; the original task has the analysis." },
  pending: { title: "Not analysed yet", hint: "Ensemble analyses the prompt before it plans." },
  failed: { title: "Not analysed", hint: "The task failed before its prompt was analysed; the error above says why." },
  cancelled: { title: "Not analysed", hint: "The task was cancelled before its prompt was analysed." },
  unrecorded: { title: "No analysis recorded", hint: "This task completed without a recorded analysis." },
};

function copyFrom(table: CopyTable, task: TaskOutcome): EmptyCopy {
  const reason = emptyReason(task);
  return { ...table[reason], linkToOrigin: reason === "cached" };
}

export const planEmptyCopy = (task: TaskOutcome): EmptyCopy => copyFrom(PLAN_COPY, task);
export const requirementsEmptyCopy = (task: TaskOutcome): EmptyCopy => copyFrom(REQUIREMENTS_COPY, task);

export function stepsEmptyCopy(task: TaskOutcome): EmptyCopy {
  const reason = emptyReason(task);
  if (reason === "cached") return { title: "No model was called", hint: "The answer came from the result cache; the original task has the steps that computed it.", linkToOrigin: true };
  if (reason === "pending") return { title: "No steps yet", hint: "Steps appear as soon as the first model starts.", linkToOrigin: false };
  return { title: "No model was called", hint: "", linkToOrigin: false };
}

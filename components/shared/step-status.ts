import type { TaskStatus } from "@/server/orchestrator/spec";

export type StepRowStatus = "running" | "completed" | "failed";
export type StepDisplayStatus = StepRowStatus | "cancelled";

/**
 * The errors a call gets when its task is cancelled: the engine's `cancelledError()` ("cancelled") and the
 * operator cancel's abort reason (services/pipeline.ts). A step row has no "cancelled" status, so a cut call is
 * stored as failed with one of these.
 */
const CANCEL_ERRORS: ReadonlySet<string> = new Set(["cancelled", "cancelled by an operator"]);

/**
 * How a step reads on the task page. In a cancelled task, a call cut short by the cancel — stored as failed
 * with a cancel error, or never closed at all — is shown as cancelled; a call that failed on its own before the
 * cancel stays failed.
 */
export function stepDisplayStatus(step: { status: StepRowStatus; error: string | null }, taskStatus: TaskStatus): StepDisplayStatus {
  if (taskStatus !== "cancelled") return step.status;
  if (step.status === "running") return "cancelled";
  if (step.status === "failed" && step.error !== null && CANCEL_ERRORS.has(step.error.trim())) return "cancelled";
  return step.status;
}

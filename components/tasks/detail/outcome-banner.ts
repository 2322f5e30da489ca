import type { TaskStatus } from "@/server/orchestrator/spec";

export interface OutcomeBanner {
  tone: "error" | "warning";
  title: string;
  /** the recorded reason; `mono` when it is an error message worth reading verbatim */
  message: string;
  mono: boolean;
  testId: "task-error" | "task-cancelled";
}

/**
 * The banner over an ended task that did not complete. A cancel is someone's decision, not a fault: it reads in
 * amber with its reason and what it cost, a failure in red with the error verbatim.
 */
export function outcomeBanner(task: { status: TaskStatus; error: string | null }, liveError: string | null): OutcomeBanner | null {
  if (task.status === "cancelled") {
    const reason = task.error ?? liveError ?? "Cancelled.";
    return {
      tone: "warning",
      title: "Task cancelled",
      message: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}${/[.!?]$/.test(reason) ? "" : "."} Steps that finished before the cancel stay billed.`,
      mono: false,
      testId: "task-cancelled",
    };
  }
  if (task.status === "failed") {
    return { tone: "error", title: "Task failed", message: task.error ?? liveError ?? "No error message was recorded.", mono: true, testId: "task-error" };
  }
  return null;
}

import type { TaskStatus } from "@/server/orchestrator/spec";

/** tasks.list inputs the home page reads: the ten newest, and one-row pages whose totals count each status. */
export const RECENT_TASKS_INPUT = { page: 1, pageSize: 10 } as const;

export const COUNTED_STATUSES = ["queued", "running", "completed", "failed"] as const satisfies readonly TaskStatus[];

export function countInput(status?: TaskStatus) {
  return status ? { page: 1, pageSize: 1, status } : { page: 1, pageSize: 1 };
}

import type { TaskListItem } from "@/components/shared/api-types";
import { formatMs, formatTokens, formatUsd, humanize } from "@/components/shared/format";

export type TaskRowInput = Pick<TaskListItem, "costUsd" | "latencyMs" | "inputTokens" | "outputTokens" | "primaryCapability" | "cacheHit">;

export interface TaskRowView {
  /** served from the result cache: no model ran, so the row's $0 and 0 ms say nothing about any model */
  cached: boolean;
  cost: string;
  latency: string;
  tokens: string;
  capability: string;
}

export const CACHED_TITLE = "Answered from the result cache: no model was called, so it cost nothing and took no model time";

/** The text of a task row's cells. Only a cache hit (`true`) is cached: `false` is a miss, `null` never looked up. */
export function taskRowView(task: TaskRowInput): TaskRowView {
  return {
    cached: task.cacheHit === true,
    cost: formatUsd(task.costUsd),
    latency: formatMs(task.latencyMs),
    tokens: `${formatTokens(task.inputTokens)} / ${formatTokens(task.outputTokens)}`,
    capability: task.primaryCapability ? humanize(task.primaryCapability) : "–",
  };
}

import type { TaskStatus } from "@/server/orchestrator/spec";
import { DEFAULT_FILTERS, filtersToParams } from "@/components/tasks/list-params";

/** The tasks.list input of the home page's recent tasks: the ten newest. */
export const RECENT_TASKS_INPUT = { page: 1, pageSize: 10 } as const;

/** The recent-tasks table's own refresh period while something runs (recent-tasks.tsx): the tiles keep the same pace. */
export const COUNTS_REFRESH_MS = 2000;

export type StatusCounts = Record<TaskStatus, number>;

/** The task list filtered to one status, in the list's own URL format. */
export function tasksHref(status: TaskStatus | ""): string {
  const query = filtersToParams({ ...DEFAULT_FILTERS, status }).toString();
  return query ? `/tasks?${query}` : "/tasks";
}

export function hasActive(counts: StatusCounts | undefined): boolean {
  return Boolean(counts && counts.queued + counts.running > 0);
}

/**
 * The tiles follow the table: whenever the recent tasks were fetched after the counts were, the counts are
 * behind it (the table may already show tasks completed that the tiles still count in progress).
 */
export function countsBehindTable(countsUpdatedAt: number, tableUpdatedAt: number): boolean {
  return tableUpdatedAt > 0 && tableUpdatedAt > countsUpdatedAt;
}

export interface CountLink {
  label: string;
  value: number;
  href: string;
}

export interface CountTile {
  key: "all" | "active" | "completed" | "failed";
  label: string;
  value: number | undefined;
  tone: string;
  /** the whole tile links here when it counts exactly one list filter */
  href: string | null;
  /** a tile that adds up several statuses links each of them instead, since the list filters by one status */
  parts: CountLink[];
}

/** The home tiles: totals per status, each linking to a list filter that shows exactly what it counts. */
export function countTiles(c: StatusCounts | undefined): CountTile[] {
  return [
    { key: "all", label: "Tasks", value: c && c.queued + c.running + c.completed + c.failed + c.cancelled, tone: "text-neutral-900", href: tasksHref(""), parts: [] },
    {
      key: "active",
      label: "In progress",
      value: c && c.queued + c.running,
      tone: "text-sky-700",
      href: null,
      parts: c
        ? [
            { label: "running", value: c.running, href: tasksHref("running") },
            { label: "queued", value: c.queued, href: tasksHref("queued") },
          ]
        : [],
    },
    { key: "completed", label: "Completed", value: c?.completed, tone: "text-emerald-700", href: tasksHref("completed"), parts: [] },
    { key: "failed", label: "Failed", value: c?.failed, tone: "text-rose-700", href: tasksHref("failed"), parts: [] },
  ];
}

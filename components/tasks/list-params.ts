import { TASK_STATUSES, type TaskStatus } from "@/server/orchestrator/spec";

/** The task list's filters as they live in the URL (?page=2&q=…&status=…&model=…&from=YYYY-MM-DD&to=…). */
export interface TaskListFilters {
  page: number;
  search: string;
  status: TaskStatus | "";
  modelId: string;
  /** YYYY-MM-DD, in the viewer's time zone */
  from: string;
  to: string;
}

export const DEFAULT_FILTERS: TaskListFilters = { page: 1, search: "", status: "", modelId: "", from: "", to: "" };
export const TASK_PAGE_SIZE = 20;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string {
  if (source instanceof URLSearchParams) return source.get(key) ?? "";
  const value = source[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromParams(source: ParamSource): TaskListFilters {
  const page = Number.parseInt(read(source, "page"), 10);
  const status = read(source, "status");
  const from = read(source, "from");
  const to = read(source, "to");
  return {
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
    search: read(source, "q").slice(0, 200),
    status: (TASK_STATUSES as readonly string[]).includes(status) ? (status as TaskStatus) : "",
    modelId: read(source, "model").slice(0, 64),
    from: DAY.test(from) ? from : "",
    to: DAY.test(to) ? to : "",
  };
}

/** Only what differs from the defaults, so a plain list has a plain URL. */
export function filtersToParams(filters: TaskListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set("q", filters.search);
  if (filters.status) params.set("status", filters.status);
  if (filters.modelId) params.set("model", filters.modelId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

export function hasActiveFilters(filters: TaskListFilters): boolean {
  return Boolean(filters.search.trim() || filters.status || filters.modelId || filters.from || filters.to);
}

/** Start (or end) of a YYYY-MM-DD day in the time zone this code runs in. */
export function dayToMs(day: string, endOfDay: boolean): number | undefined {
  if (!DAY.test(day)) return undefined;
  const ms = new Date(`${day}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}`).getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

export interface TaskListQuery {
  page: number;
  pageSize: number;
  search?: string;
  status?: TaskStatus;
  modelId?: string;
  from?: number;
  to?: number;
}

/** The tasks.list input for these filters; empty filters are left out so the query key stays stable. */
export function toListInput(filters: TaskListFilters, pageSize = TASK_PAGE_SIZE): TaskListQuery {
  const input: TaskListQuery = { page: filters.page, pageSize };
  const search = filters.search.trim();
  if (search) input.search = search;
  if (filters.status) input.status = filters.status;
  if (filters.modelId) input.modelId = filters.modelId;
  const from = dayToMs(filters.from, false);
  const to = dayToMs(filters.to, true);
  if (from !== undefined) input.from = from;
  if (to !== undefined) input.to = to;
  return input;
}

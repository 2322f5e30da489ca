"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useCan } from "@/components/shared/viewer";
import { Alert, buttonClasses, Card, EmptyState, PageHeader, Pagination, SkeletonRows, Spinner } from "@/components/ui";
import { filtersFromParams, filtersToParams, hasActiveFilters, toListInput, type TaskListFilters } from "./list-params";
import { TaskFilters } from "./task-filters";
import { TasksTable } from "./tasks-table";
import { useModelNames } from "./use-model-names";

const ACTIVE = new Set(["queued", "running"]);

/** The task list: filters in the URL, a page of tasks, refreshed while any of them is still running. */
export function TaskListView() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const canSubmit = useCan("operator");
  const modelName = useModelNames();
  const models = useQuery(trpc.models.list.queryOptions());

  const list = useQuery(
    trpc.tasks.list.queryOptions(toListInput(filters), {
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (query.state.data?.items.some((t) => ACTIVE.has(t.status)) ? 2000 : false),
    }),
  );

  const update = useCallback(
    (patch: Partial<TaskListFilters>) => {
      const next = filtersToParams({ ...filters, ...patch }).toString();
      // history.replaceState keeps useSearchParams in sync without a server round trip
      window.history.replaceState(null, "", next ? `${pathname}?${next}` : pathname);
    },
    [filters, pathname],
  );

  const data = list.data;
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Every task submitted from the dashboard, the API, the gateway or the CLI."
        actions={
          canSubmit && (
            <Link href="/tasks/new" className={buttonClasses("primary")}>
              New task
            </Link>
          )
        }
      />
      <Card>
        <div className="border-b border-neutral-100 px-5 py-4">
          <TaskFilters filters={filters} models={models.data ?? []} onChange={update} />
        </div>
        <div className="relative">
          {list.isFetching && data && (
            <span className="absolute top-2 right-3 text-neutral-500">
              <Spinner label="Refreshing" />
            </span>
          )}
          {list.isPending ? (
            <div className="p-5">
              <SkeletonRows rows={8} />
            </div>
          ) : list.isError && !data ? (
            <div className="p-5">
              <Alert tone="error" title="Could not load tasks">
                {list.error.message}
              </Alert>
            </div>
          ) : data && data.items.length === 0 ? (
            <div className="p-5">
              {data.total > 0 ? (
                <EmptyState
                  title="This page is past the end of the list"
                  hint={data.pages === 1 ? "There is one page of tasks." : `There are ${data.pages} pages of tasks.`}
                  action={
                    <button type="button" className={buttonClasses("secondary")} onClick={() => update({ page: 1 })}>
                      Go to the first page
                    </button>
                  }
                />
              ) : hasActiveFilters(filters) ? (
                <EmptyState title="No tasks match these filters" hint="Try a shorter search, another status or a wider date range." data-testid="tasks-empty" />
              ) : (
                <EmptyState
                  title="No tasks yet"
                  hint={canSubmit ? "Submit a prompt and Ensemble will pick the right model for it." : "Tasks appear here once an operator submits one."}
                  action={
                    canSubmit && (
                      <Link href="/tasks/new" className={buttonClasses("primary")}>
                        Submit the first task
                      </Link>
                    )
                  }
                  data-testid="tasks-empty"
                />
              )}
            </div>
          ) : data ? (
            <TasksTable items={data.items} modelName={modelName} />
          ) : null}
        </div>
        {data && data.total > 0 && (
          <div className="border-t border-neutral-100 px-5 py-3">
            <Pagination page={data.page} pages={data.pages} total={data.total} noun="task" disabled={list.isPlaceholderData} onPage={(page) => update({ page })} />
          </div>
        )}
      </Card>
    </>
  );
}

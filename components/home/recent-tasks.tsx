"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { useCan } from "@/components/shared/viewer";
import { Alert, buttonClasses, Card, CardHeader, EmptyState, SkeletonRows } from "@/components/ui";
import { TasksTable } from "@/components/tasks/tasks-table";
import { useModelNames } from "@/components/tasks/use-model-names";
import { RECENT_TASKS_INPUT } from "./home-queries";

const ACTIVE = new Set(["queued", "running"]);

/** The ten newest tasks, refreshed while any of them runs. */
export function RecentTasks() {
  const trpc = useTRPC();
  const canSubmit = useCan("operator");
  const modelName = useModelNames();
  const tasks = useQuery(
    trpc.tasks.list.queryOptions(RECENT_TASKS_INPUT, {
      refetchInterval: (query) => (query.state.data?.items.some((t) => ACTIVE.has(t.status)) ? 2000 : false),
    }),
  );
  return (
    <Card>
      <CardHeader
        title="Recent tasks"
        actions={
          <Link href="/tasks" className={buttonClasses("ghost", "sm")}>
            All tasks →
          </Link>
        }
      />
      {tasks.isPending ? (
        <div className="p-5">
          <SkeletonRows rows={5} />
        </div>
      ) : tasks.isError ? (
        <div className="p-5">
          <Alert tone="error" title="Could not load tasks">
            {tasks.error.message}
          </Alert>
        </div>
      ) : tasks.data.items.length === 0 ? (
        <div className="p-5">
          <EmptyState
            title="No tasks yet"
            hint={canSubmit ? "Submit a prompt, or run the demo batch to see routing across the whole roster." : "Tasks show up here once an operator submits one."}
            action={
              canSubmit && (
                <Link href="/tasks/new" className={buttonClasses("primary")}>
                  New task
                </Link>
              )
            }
            data-testid="recent-tasks-empty"
          />
        </div>
      ) : (
        <TasksTable items={tasks.data.items} modelName={modelName} compact />
      )}
    </Card>
  );
}

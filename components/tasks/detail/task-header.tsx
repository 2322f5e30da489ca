"use client";

import Link from "next/link";
import type { TaskStatus } from "@/server/orchestrator/spec";
import type { TaskDetail } from "@/components/shared/api-types";
import { truncate } from "@/components/shared/format";
import { LocalTime } from "@/components/shared/local-time";
import { useCan } from "@/components/shared/viewer";
import { Badge } from "@/components/ui";
import { TaskStatusBadge } from "../task-status-badge";
import { CancelTaskControl } from "./cancel-task-control";

/** The answer came from the result cache: no model ran for this task. */
function CachedBadge({ fromTaskId }: { fromTaskId: string | null }) {
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="cached-answer">
      <Badge tone="sky" title="Served from the result cache: no model was called and the task cost nothing">
        Cached answer
      </Badge>
      {fromTaskId && (
        <Link href={`/tasks/${fromTaskId}`} className="text-xs text-sky-700 hover:underline" data-testid="cached-from">
          from {fromTaskId}
        </Link>
      )}
    </span>
  );
}

export function TaskHeader({ task }: { task: TaskDetail }) {
  const canCancel = useCan("operator") && (task.status === "queued" || task.status === "running");
  return (
    <div className="mb-6">
      <Link href="/tasks" className="text-xs font-medium text-neutral-500 hover:text-neutral-800">
        ← All tasks
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <TaskStatusBadge status={task.status as TaskStatus} data-testid="task-status" />
            <Badge>{task.strategy}</Badge>
            <Badge>{task.policy}</Badge>
            {task.cacheHit && <CachedBadge fromTaskId={task.cachedFromTaskId} />}
            <span className="text-xs text-neutral-500">
              from {task.source} · <LocalTime ms={task.createdAt} />
            </span>
          </div>
          <h1 className="mt-2 text-lg font-semibold tracking-tight break-words text-neutral-900" title={task.prompt}>
            {truncate(task.prompt, 160)}
          </h1>
          <p className="mt-0.5 font-mono text-xs text-neutral-500">{task.id}</p>
        </div>
        {canCancel && (
          <div className="flex flex-col items-end">
            <CancelTaskControl taskId={task.id} />
          </div>
        )}
      </div>
    </div>
  );
}

import Link from "next/link";
import type { TaskStatus } from "@/server/orchestrator/spec";
import type { TaskListItem } from "@/components/shared/api-types";
import { truncate } from "@/components/shared/format";
import { LocalTime } from "@/components/shared/local-time";
import { Badge, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { TaskStatusBadge } from "./task-status-badge";
import { CACHED_TITLE, taskRowView } from "./task-row-view";

/**
 * Tasks, newest first; the prompt links to the task. `compact` drops the secondary columns (home page).
 * Status comes first so a phone shows it without scrolling the table; the prompt column is capped (full text on hover)
 * so every column fits a 1440 px screen.
 */
export function TasksTable({
  items,
  modelName,
  compact = false,
}: {
  items: readonly TaskListItem[];
  modelName: (id: string | null) => string;
  compact?: boolean;
}) {
  return (
    <Table data-testid="tasks-table">
      <THead>
        <Tr>
          <Th>Status</Th>
          <Th>Task</Th>
          <Th>Model</Th>
          {!compact && <Th title="The prompt's primary capability, and below it the strategy">Capability</Th>}
          <Th className="text-right">Cost</Th>
          <Th className="text-right">Latency</Th>
          {!compact && (
            <Th className="text-right" title="Tokens in / out">
              Tokens
            </Th>
          )}
          <Th>Created</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((task) => {
          const row = taskRowView(task);
          const modelLabel = task.modelId ? modelName(task.modelId) : null;
          // a cache hit's $0 and 0 ms are not a model's figures: greyed, next to the "cached" marker
          const muted = row.cached ? "text-neutral-500" : undefined;
          return (
            <Tr key={task.id} data-testid="task-row" className="hover:bg-neutral-50">
              <Td>
                <div className="flex flex-col items-start gap-1">
                  <TaskStatusBadge status={task.status as TaskStatus} />
                  {row.cached && (
                    <Badge tone="blue" title={CACHED_TITLE} data-testid="task-cached">
                      cached
                    </Badge>
                  )}
                </div>
              </Td>
              <Td className="max-w-52 sm:max-w-72">
                <Link href={`/tasks/${task.id}`} className="block truncate font-medium text-neutral-900 hover:text-indigo-600" title={task.prompt}>
                  {truncate(task.prompt, compact ? 70 : 110)}
                </Link>
                <span className="font-mono text-[11px] text-neutral-500">{task.id}</span>
              </Td>
              <Td className="max-w-36 truncate" title={modelLabel ?? undefined}>
                {modelLabel ?? <span className="text-neutral-500">–</span>}
              </Td>
              {!compact && (
                <Td className="whitespace-nowrap">
                  <div>{row.capability}</div>
                  <div className="text-[11px] text-neutral-500">{task.strategy}</div>
                </Td>
              )}
              <Td className="text-right whitespace-nowrap tabular-nums">
                <span className={muted}>{row.cost}</span>
              </Td>
              <Td className="text-right whitespace-nowrap tabular-nums">
                <span className={muted}>{row.latency}</span>
              </Td>
              {!compact && (
                <Td className="text-right whitespace-nowrap tabular-nums">
                  <span className={muted}>{row.tokens}</span>
                </Td>
              )}
              <Td className="whitespace-nowrap text-neutral-500">
                <LocalTime ms={task.createdAt} />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

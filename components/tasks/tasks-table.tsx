import Link from "next/link";
import type { TaskStatus } from "@/server/orchestrator/spec";
import type { TaskListItem } from "@/components/shared/api-types";
import { formatMs, formatTokens, formatUsd, humanize, truncate } from "@/components/shared/format";
import { LocalTime } from "@/components/shared/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { TaskStatusBadge } from "./task-status-badge";

/** Tasks, newest first; the prompt links to the task. `compact` drops the secondary columns (home page). */
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
          <Th>Task</Th>
          <Th>Status</Th>
          <Th>Model</Th>
          {!compact && <Th>Capability</Th>}
          {!compact && <Th>Strategy</Th>}
          <Th className="text-right">Cost</Th>
          <Th className="text-right">Latency</Th>
          {!compact && <Th className="text-right">Tokens in / out</Th>}
          <Th>Created</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((task) => (
          <Tr key={task.id} data-testid="task-row" className="hover:bg-neutral-50">
            <Td className="max-w-xs xl:max-w-sm">
              <Link href={`/tasks/${task.id}`} className="block truncate font-medium text-neutral-900 hover:text-indigo-600" title={task.prompt}>
                {truncate(task.prompt, compact ? 70 : 110)}
              </Link>
              <span className="font-mono text-[11px] text-neutral-400">{task.id}</span>
            </Td>
            <Td>
              <TaskStatusBadge status={task.status as TaskStatus} />
            </Td>
            <Td className="whitespace-nowrap">{task.modelId ? modelName(task.modelId) : <span className="text-neutral-400">–</span>}</Td>
            {!compact && <Td className="whitespace-nowrap">{task.primaryCapability ? humanize(task.primaryCapability) : "–"}</Td>}
            {!compact && <Td className="whitespace-nowrap">{task.strategy}</Td>}
            <Td className="text-right whitespace-nowrap tabular-nums">{formatUsd(task.costUsd)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatMs(task.latencyMs)}</Td>
            {!compact && (
              <Td className="text-right whitespace-nowrap tabular-nums">
                {formatTokens(task.inputTokens)} / {formatTokens(task.outputTokens)}
              </Td>
            )}
            <Td className="whitespace-nowrap text-neutral-500">
              <LocalTime ms={task.createdAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

import { formatInt, formatMs, formatUsd, humanize } from "@/components/shared/format";
import { Card, CardHeader, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import type { MetricsOverview } from "./types";

/** Per-task figures of the tasks finished in the range, by the planned strategy. */
export function StrategyTable({ rows }: { rows: MetricsOverview["strategies"] }) {
  if (rows.length === 0) return null;
  return (
    <Card data-testid="stats-by-strategy">
      <CardHeader title="Tasks by strategy" description="Steps are the model calls a task ran; cost and latency are per task; cache hits were answered without a model call." />
      <Table>
        <THead>
          <Tr>
            <Th>Strategy</Th>
            <Th className="text-right">Tasks</Th>
            <Th className="text-right">Completed</Th>
            <Th className="text-right">Failed</Th>
            <Th className="text-right">Avg steps</Th>
            <Th className="text-right">Avg cost</Th>
            <Th className="text-right">Avg latency</Th>
            <Th className="text-right">Cache hits</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.strategy}>
              <Td className="font-medium">{humanize(r.strategy)}</Td>
              <Td className="text-right tabular-nums">{formatInt(r.tasks)}</Td>
              <Td className="text-right tabular-nums">{formatInt(r.completed)}</Td>
              <Td className="text-right tabular-nums">{formatInt(r.failed)}</Td>
              <Td className="text-right tabular-nums">{r.avgSteps.toFixed(1)}</Td>
              <Td className="text-right tabular-nums">{formatUsd(r.avgCostUsd)}</Td>
              <Td className="text-right tabular-nums">{formatMs(r.avgLatencyMs)}</Td>
              <Td className="text-right tabular-nums">{formatInt(r.cacheHits)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}

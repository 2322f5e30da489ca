import Link from "next/link";
import { formatInt, formatMs, formatPercent, formatUsd, humanize } from "@/components/shared/format";
import { Card, CardHeader, EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import type { StepStatsRow } from "./types";

/** Model calls grouped by model or by the task's primary capability: volume, errors, latency, tokens, cost. */
export function StepStatsTable({
  title,
  rows,
  kind,
  modelName = (id) => id,
}: {
  title: string;
  rows: readonly StepStatsRow[];
  kind: "model" | "capability";
  /** display name of a model id (the roster's), so this table names models as the rest of the dashboard does */
  modelName?: (id: string) => string;
}) {
  return (
    <Card data-testid={`stats-by-${kind}`}>
      <CardHeader title={title} description="Finished calls in the range. Latency percentiles from half-octave histograms (within a bin, ±19%); TTFT is the mean over streamed calls." />
      {rows.length === 0 ? (
        <EmptyState className="m-5" title="No model calls in this range" />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{kind === "model" ? "Model" : "Capability"}</Th>
              <Th className="text-right">Calls</Th>
              <Th className="text-right">Errors</Th>
              <Th className="text-right">p50</Th>
              <Th className="text-right">p95</Th>
              <Th className="text-right">p99</Th>
              <Th className="text-right">TTFT</Th>
              <Th className="text-right">Tokens in/out</Th>
              <Th className="text-right">Cost</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.key}>
                <Td className="font-medium">
                  {kind === "model" ? (
                    <Link href={`/metrics/models/${encodeURIComponent(r.key)}`} className="text-indigo-700 hover:underline" title={r.key}>
                      {modelName(r.key)}
                    </Link>
                  ) : (
                    humanize(r.key)
                  )}
                </Td>
                <Td className="text-right tabular-nums">{formatInt(r.requests)}</Td>
                <Td className="text-right tabular-nums">{formatPercent(r.errorRate, 1)}</Td>
                <Td className="text-right tabular-nums">{formatMs(r.latency.p50)}</Td>
                <Td className="text-right tabular-nums">{formatMs(r.latency.p95)}</Td>
                <Td className="text-right tabular-nums">{formatMs(r.latency.p99)}</Td>
                <Td className="text-right tabular-nums">{formatMs(r.ttftMs)}</Td>
                <Td className="text-right tabular-nums">
                  {formatInt(r.inputTokens)} / {formatInt(r.outputTokens)}
                </Td>
                <Td className="text-right tabular-nums">{formatUsd(r.costUsd)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

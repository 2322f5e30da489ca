import Link from "next/link";
import { breakerSummary, prepareRosterHealth } from "@/components/charts/prepare-metrics-overview";
import { formatInt, formatPercent } from "@/components/shared/format";
import { Badge, Card, CardHeader, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import type { MetricsOverview } from "./types";

/** Each model's circuit breaker and its error rate in the range; trouble sorts first. */
export function RosterHealth({ roster, breakers }: { roster: MetricsOverview["roster"]; breakers: MetricsOverview["breakers"] }) {
  const rows = prepareRosterHealth(roster);
  const source = breakers.source === "breakers" ? "the circuit breakers" : "the router's health tracking";
  return (
    <Card data-testid="roster-health">
      <CardHeader
        title="Roster health"
        description={
          <>
            Breakers: <span data-testid="breaker-summary">{breakerSummary(breakers)}</span> (from {source}); error rate of calls in the selected range.
          </>
        }
      />
      <Table>
        <THead>
          <Tr>
            <Th>Model</Th>
            <Th>Breaker</Th>
            <Th className="text-right">Failures in a row</Th>
            <Th className="text-right">Calls</Th>
            <Th className="text-right">Errors (range)</Th>
            <Th className="text-right">Errors (router EWMA)</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.id} data-testid="roster-health-row" data-model-id={r.id}>
              <Td>
                <Link href={`/metrics/models/${encodeURIComponent(r.id)}`} className="font-medium text-indigo-700 hover:underline">
                  {r.name}
                </Link>
              </Td>
              <Td>
                <Badge tone={r.tone}>{r.enabled ? r.health : "disabled"}</Badge>
              </Td>
              <Td className="text-right tabular-nums">{r.breakerFailures == null ? "–" : formatInt(r.breakerFailures)}</Td>
              <Td className="text-right tabular-nums">{formatInt(r.requests)}</Td>
              <Td className="text-right tabular-nums">{r.errorLabel}</Td>
              <Td className="text-right tabular-nums">{r.routerErrorRate === null ? "–" : formatPercent(r.routerErrorRate, 1)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}

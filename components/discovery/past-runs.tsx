"use client";

import { Fragment, useState } from "react";
import { formatInt, formatMs, formatUsd, humanize } from "@/components/shared/format";
import { LocalTime } from "@/components/shared/local-time";
import { Button, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { RunPanel } from "./run-panel";
import { RunStatusBadge } from "./run-status-badge";
import type { DiscoveryRunSummary } from "./types";

function scopeOf(run: DiscoveryRunSummary, suiteName: (id: string | null) => string | null): string {
  const name = suiteName(run.suiteId);
  if (name) return `suite “${name}”`;
  const capabilities = Array.isArray(run.capabilities) ? run.capabilities.filter((c): c is string => typeof c === "string") : [];
  if (capabilities.length === 12) return "all 12 capabilities";
  return capabilities.length <= 3 ? capabilities.map(humanize).join(", ") : `${capabilities.length} capabilities`;
}

/** Earlier runs of this model, newest first; each opens in place to its result and probes. */
export function PastRuns({
  runs,
  activeRunId,
  onFollow,
  suiteName,
  canManage,
}: {
  runs: readonly DiscoveryRunSummary[];
  activeRunId: string | null;
  onFollow: (runId: string) => void;
  suiteName: (id: string | null) => string | null;
  canManage: boolean;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table data-testid="discovery-runs">
      <THead>
        <Tr>
          <Th>Started</Th>
          <Th>Status</Th>
          <Th>Scope</Th>
          <Th className="text-right">Probes</Th>
          <Th className="text-right">Cost</Th>
          <Th className="text-right">Duration</Th>
          <Th className="text-right">
            <span className="sr-only">Details</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {runs.map((run) => {
          const active = run.id === activeRunId;
          const expanded = open === run.id && !active;
          return (
            <Fragment key={run.id}>
              <Tr data-testid="discovery-run-row" data-run-id={run.id} data-status={run.status} className={active ? "bg-indigo-50/50" : undefined}>
                <Td className="text-xs whitespace-nowrap">
                  <LocalTime ms={run.startedAt} />
                </Td>
                <Td>
                  <RunStatusBadge status={run.status} />
                </Td>
                <Td className="text-xs text-neutral-600">{scopeOf(run, suiteName)}</Td>
                <Td className="text-right tabular-nums">{formatInt(run.probesUsed)}</Td>
                <Td className="text-right tabular-nums">{formatUsd(run.costUsd)}</Td>
                <Td className="text-right tabular-nums">{run.endedAt !== null ? formatMs(run.endedAt - run.startedAt) : "–"}</Td>
                <Td className="text-right">
                  {active ? (
                    <span className="text-xs text-indigo-700">shown above</span>
                  ) : run.status === "running" ? (
                    <Button variant="ghost" size="sm" onClick={() => onFollow(run.id)}>
                      Follow live
                    </Button>
                  ) : (
                    <Button variant="ghost" size="sm" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : run.id)}>
                      {expanded ? "Hide" : "Details"}
                    </Button>
                  )}
                </Td>
              </Tr>
              {expanded && (
                <tr>
                  <td colSpan={7} className="bg-neutral-50/60 px-5 py-4">
                    <RunPanel runId={run.id} suiteName={suiteName} canManage={canManage} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}

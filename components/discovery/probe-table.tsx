"use client";

import { useState } from "react";
import { CAPABILITIES } from "@/server/orchestrator/spec";
import { formatMs, formatUsd, humanize } from "@/components/shared/format";
import { Badge, EmptyState, Scroller, SelectField, Table, TBody, Td, Th, THead, Tr, type BadgeTone } from "@/components/ui";
import type { DiscoveryProbe } from "./types";

const OUTCOME_TONE: Record<DiscoveryProbe["outcome"], BadgeTone> = { pass: "green", fail: "red", broken: "amber", error: "violet" };
const OUTCOMES = ["pass", "fail", "broken", "error"] as const;

/** Every probe of a run: the item, the outcome, the grade's detail and, for rubric items, the judge's verdict. */
export function ProbeTable({ probes }: { probes: readonly DiscoveryProbe[] }) {
  const [outcome, setOutcome] = useState("");
  const [capability, setCapability] = useState("");
  const shown = probes.filter((p) => (!outcome || p.outcome === outcome) && (!capability || p.capability === capability));
  const present = CAPABILITIES.filter((c) => probes.some((p) => p.capability === c));
  const count = (o: string) => probes.filter((p) => p.outcome === o).length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <SelectField
          id="probe-outcome"
          label="Outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          options={[{ value: "", label: `All (${probes.length})` }, ...OUTCOMES.map((o) => ({ value: o, label: `${o} (${count(o)})` }))]}
          wrapperClassName="w-40"
        />
        <SelectField
          id="probe-capability"
          label="Capability"
          value={capability}
          onChange={(e) => setCapability(e.target.value)}
          options={[{ value: "", label: "All" }, ...present.map((c) => ({ value: c, label: humanize(c) }))]}
          wrapperClassName="w-44"
        />
      </div>
      {shown.length === 0 ? (
        <EmptyState title="No probes match" hint={probes.length ? "Clear the filters to see every probe." : "The run made no calls."} />
      ) : (
        <Scroller axis="y" label="Probes (scrolls)" className="max-h-[28rem] rounded-lg border border-neutral-100">
          <Table data-testid="probe-table">
            <THead className="sticky top-0 z-10">
              <Tr>
                <Th>Item</Th>
                <Th>Capability</Th>
                <Th>Outcome</Th>
                <Th className="text-right">Score</Th>
                <Th className="text-right">Latency</Th>
                <Th className="text-right">Cost</Th>
                <Th>Detail · judge verdict</Th>
              </Tr>
            </THead>
            <TBody>
              {shown.map((p) => (
                <Tr key={p.id} data-testid="probe-row" data-outcome={p.outcome} data-item-id={p.itemId}>
                  <Td className="font-mono text-xs whitespace-nowrap text-neutral-800">{p.itemId}</Td>
                  <Td className="text-xs">{p.capability}</Td>
                  <Td>
                    <Badge tone={OUTCOME_TONE[p.outcome]}>{p.outcome}</Badge>
                  </Td>
                  <Td className="text-right text-xs tabular-nums">{p.score === null ? "–" : p.score.toFixed(2)}</Td>
                  <Td className="text-right text-xs whitespace-nowrap tabular-nums">{formatMs(p.latencyMs)}</Td>
                  <Td className="text-right text-xs whitespace-nowrap tabular-nums">{formatUsd(p.costUsd)}</Td>
                  <Td className="max-w-md text-xs break-words text-neutral-600">
                    {p.detail && <p>{p.detail}</p>}
                    {p.judgeVerdict && (
                      <p className="mt-0.5 text-violet-800" data-testid="judge-verdict">
                        <span className="font-semibold">judge</span> {p.judgeVerdict}
                      </p>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Scroller>
      )}
    </div>
  );
}

import type { ReactNode } from "react";
import { CAPABILITIES } from "@/server/orchestrator/spec";
import { ScoreWithInterval } from "@/components/profiles/score-cell";
import { formatInt, formatMs, formatUsd, humanize } from "@/components/shared/format";
import { Alert, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { ProbeTable } from "./probe-table";
import { describeStopReason } from "./run-progress";
import type { DiscoveryResult, DiscoveryRun } from "./types";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-neutral-900 tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function estimates(result: DiscoveryResult) {
  return CAPABILITIES.flatMap((capability) => {
    const e = (result.capabilities as Partial<DiscoveryResult["capabilities"]>)[capability];
    return e ? [{ capability, ...e }] : [];
  });
}

function EstimatesTable({ result }: { result: DiscoveryResult }) {
  return (
    <Table data-testid="discovery-estimates-table">
      <THead>
        <Tr>
          <Th>Capability</Th>
          <Th>Estimate [90% interval]</Th>
          <Th className="text-right">Probes (pass / fail)</Th>
          <Th className="text-right">Broken</Th>
          <Th className="text-right">Avg latency</Th>
          <Th className="text-right">Cost</Th>
          <Th>Stopped because</Th>
        </Tr>
      </THead>
      <TBody>
        {estimates(result).map((e) => (
          <Tr key={e.capability} data-testid="discovery-estimate-row" data-capability={e.capability}>
            <Td className="font-medium text-neutral-900">{humanize(e.capability)}</Td>
            <Td>{e.probes > 0 ? <ScoreWithInterval mean={e.mean} low={e.low} high={e.high} label={`${e.capability} discovered`} /> : <span className="text-neutral-500">no graded probes</span>}</Td>
            <Td className="text-right tabular-nums">
              {e.probes} ({e.passes} / {e.failures})
            </Td>
            <Td className="text-right tabular-nums" title={e.broken.join(", ")}>
              {e.broken.length}
            </Td>
            <Td className="text-right tabular-nums">{formatMs(e.latencyMsAvg)}</Td>
            <Td className="text-right tabular-nums">{formatUsd(e.costUsdTotal)}</Td>
            <Td className="text-xs text-neutral-600">{describeStopReason(e.stopReason)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** A finished run: what it cost, what it found per capability, and every probe with the judge's verdicts. */
export function RunResult({ run }: { run: DiscoveryRun }) {
  const result = run.result;
  const duration = run.endedAt !== null ? run.endedAt - run.startedAt : (result?.elapsedMs ?? null);
  return (
    <div className="space-y-4" data-testid="discovery-result" data-status={run.status}>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Fact label="Probes used (graded)" testId="discovery-probes-used">
          {formatInt(result?.probesUsed ?? run.probesUsed)}
          {result && result.callsMade !== result.probesUsed && <span className="font-normal text-neutral-500"> of {formatInt(result.callsMade)} calls</span>}
        </Fact>
        <Fact label="Cost" testId="discovery-cost">
          {formatUsd(run.costUsd)}
        </Fact>
        <Fact label="Duration">{formatMs(duration)}</Fact>
        <Fact label="Profile">{run.status === "cancelled" ? "not changed (cancelled)" : result ? "updated from these estimates" : "not changed"}</Fact>
      </dl>
      {run.error && (
        <Alert tone={run.status === "cancelled" ? "warning" : "error"} title={run.status === "cancelled" ? "Cancelled" : "The run failed"}>
          <span className="font-mono text-[13px] whitespace-pre-wrap">{run.error}</span>
        </Alert>
      )}
      {result ? (
        <div className="overflow-hidden rounded-lg border border-neutral-100">
          <EstimatesTable result={result} />
        </div>
      ) : (
        <p className="text-sm text-neutral-500">No estimates were recorded for this run.</p>
      )}
      <details className="group" open={run.probes.length > 0 && run.probes.length <= 40}>
        <summary className="cursor-pointer text-sm font-medium text-neutral-800 select-none">
          Probes ({run.probes.length}){run.probes.some((p) => p.judgeVerdict) && " · with judge verdicts"}
        </summary>
        <div className="mt-3">
          <ProbeTable probes={run.probes} />
        </div>
      </details>
    </div>
  );
}

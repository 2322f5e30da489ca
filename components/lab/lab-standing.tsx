import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { standingRow } from "./prepare-lab-standing";
import type { LabReportView } from "./types";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Where `balanced` stands against the best single model and the zero router at the cost it spends, on the held-out
 * split and on a second split, then the other policy families the lab checks against the same bar (learned gate,
 * learned router); below, the hindsight ceiling of the same cascade family within the cost cap.
 */
export function LabStanding({ report }: { report: LabReportView }) {
  const rows = [
    standingRow(`balanced, held out (${report.split.evalItems} items)`, report.target),
    ...(report.secondSplit ? [standingRow(`balanced, second split (${report.secondSplit.evalItems} items, ${report.secondSplit.rule})`, report.secondSplit.target)] : []),
    ...(report.alternatives ?? []).flatMap((a) => [
      standingRow(`${a.name}, held out`, a.target),
      ...(a.secondSplit ? [standingRow(`${a.name}, second split`, a.secondSplit)] : []),
    ]),
  ];
  return (
    <div className="space-y-2">
      <Table data-testid="lab-standing">
        <THead>
          <Tr>
            <Th>Policy, split</Th>
            <Th className="text-right">Accuracy</Th>
            <Th>Best single model</Th>
            <Th className="text-right">vs best</Th>
            <Th className="text-right">Cost share</Th>
            <Th className="text-right">Zero router at that cost</Th>
            <Th className="text-right">vs zero router</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.split} data-testid="lab-standing-row" data-met={r.met}>
              <Td>{r.split}</Td>
              <Td className="text-right tabular-nums">{r.accuracy}</Td>
              <Td>{r.bestSingle}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">{r.vsBest}</Td>
              <Td className="text-right tabular-nums">{r.costShare}</Td>
              <Td className="text-right tabular-nums">{r.zeroRouter}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">{r.vsZero}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {report.ceiling && (
        <p className="text-xs text-neutral-500" data-testid="lab-ceiling">
          Hindsight ceiling (not a policy): the best cascade plan of the same family within the cost cap, tuned on the held-out items themselves, reaches{" "}
          {pct(report.ceiling.accuracy)} at {pct(report.ceiling.costShare)} of the best single model&apos;s cost.
        </p>
      )}
    </div>
  );
}

import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { learningRows } from "./prepare-lab-standing";
import type { LabReportView } from "./types";

/** How fast each of Ensemble's online policies learns models it starts cold on (every data-set model is new). */
export function LabLearning({ report }: { report: LabReportView }) {
  const rows = learningRows(report.policies);
  return (
    <Table data-testid="lab-learning">
      <THead>
        <Tr>
          <Th>Policy</Th>
          <Th className="text-right">First third</Th>
          <Th className="text-right">Last third</Th>
          <Th className="text-right">Change</Th>
          <Th>Settled on</Th>
          <Th>From</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.name} data-testid="lab-learning-row">
            <Td className="font-medium text-neutral-900">{r.name}</Td>
            <Td className="text-right tabular-nums">{r.first}</Td>
            <Td className="text-right tabular-nums">{r.last}</Td>
            <Td className="text-right tabular-nums">{r.change}</Td>
            <Td>{r.settledOn}</Td>
            <Td>{r.settledBy}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

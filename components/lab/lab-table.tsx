import { prepareLabTable } from "@/components/charts/prepare-lab-table";
import { cx, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import type { LabReportView } from "./types";

/** One row per policy: accuracy, total cost, cost per item, AIQ and accuracy per item family. */
export function LabTable({ report }: { report: LabReportView }) {
  const { families, rows } = prepareLabTable(report.policies);
  return (
    <Table data-testid="lab-table">
      <THead>
        <Tr>
          <Th>Policy</Th>
          <Th className="text-right">Accuracy</Th>
          <Th className="text-right">Total cost</Th>
          <Th className="text-right">Cost/item</Th>
          <Th className="text-right">AIQ</Th>
          {families.map((f) => (
            <Th key={f} className="text-right">
              {f}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.name} data-testid="lab-row" className={cx(r.highlight && "bg-indigo-50")}>
            <Td title={r.description}>
              <span className="font-medium text-neutral-900">{r.name}</span> <span className="text-xs text-neutral-600">{r.kind}</span>
            </Td>
            <Td className="text-right tabular-nums">{r.accuracy}</Td>
            <Td className="text-right tabular-nums">{r.totalCost}</Td>
            <Td className="text-right tabular-nums">{r.costPerItem}</Td>
            <Td className="text-right tabular-nums">{r.aiq}</Td>
            {r.families.map((v, i) => (
              <Td key={families[i]} className="text-right tabular-nums">
                {v}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

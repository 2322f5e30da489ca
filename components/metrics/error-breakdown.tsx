import type { ErrorSlice } from "@/components/charts/prepare-metrics-model";
import { formatInt, humanize } from "@/components/shared/format";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";

/** Failed calls (final outcome) and retried attempts (absorbed by the resilience layer) per error kind. */
export function ErrorBreakdown({ slices }: { slices: readonly ErrorSlice[] }) {
  if (slices.length === 0) {
    return (
      <div className="p-5">
        <EmptyState title="No errors in this range" />
      </div>
    );
  }
  return (
    <Table data-testid="error-breakdown">
      <THead>
        <Tr>
          <Th>Kind</Th>
          <Th className="text-right">Failed calls</Th>
          <Th className="text-right">Retried attempts</Th>
        </Tr>
      </THead>
      <TBody>
        {slices.map((s) => (
          <Tr key={s.kind}>
            <Td>{humanize(s.kind)}</Td>
            <Td className="text-right tabular-nums">{formatInt(s.failed)}</Td>
            <Td className="text-right tabular-nums">{formatInt(s.retried)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

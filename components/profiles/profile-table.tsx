import type { ProfileRow as ProfileRowData } from "@/components/charts/prepare-profile-rows";
import { Table, TBody, Th, THead, Tr } from "@/components/ui";
import { ProfileRow } from "./profile-row";

/** The twelve capabilities of one model as a table. */
export function ProfileTable({ rows, modelId, canManage }: { rows: readonly ProfileRowData[]; modelId: string; canManage: boolean }) {
  return (
    <Table data-testid="profile-table">
      <THead>
        <Tr>
          <Th>Capability</Th>
          <Th title="posterior mean and exact 90% interval">Estimate [90% interval]</Th>
          <Th>Source</Th>
          <Th>Manual override</Th>
          <Th className="text-right">Observations</Th>
          <Th>Last discovered</Th>
          {canManage && (
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <ProfileRow key={row.capability} row={row} modelId={modelId} canManage={canManage} />
        ))}
      </TBody>
    </Table>
  );
}

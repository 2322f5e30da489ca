"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { LocalTime } from "@/components/shared/local-time";
import { Badge, Button, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";

/** Stored runs, newest first: reopen any of them (they survive a restart). */
export function LabRuns({ openId, onOpen }: { openId: string | null; onOpen: (runId: string) => void }) {
  const trpc = useTRPC();
  const runs = useQuery(trpc.lab.runs.queryOptions({ limit: 20 }));
  if (!runs.data?.length) return <p className="text-sm text-neutral-500">No runs yet.</p>;
  return (
    <Table data-testid="lab-runs">
      <THead>
        <Tr>
          <Th>Started</Th>
          <Th>Data set</Th>
          <Th>Status</Th>
          <Th>Verdict</Th>
          <Th />
        </Tr>
      </THead>
      <TBody>
        {runs.data.map((r) => (
          <Tr key={r.id} data-testid="lab-run-row" data-run-id={r.id}>
            <Td>
              <LocalTime ms={r.startedAt} />
            </Td>
            <Td>{r.dataset}</Td>
            <Td>
              <Badge tone={r.status === "complete" ? "green" : r.status === "failed" ? "red" : "blue"} pulse={r.status === "running"}>
                {r.status}
              </Badge>
            </Td>
            <Td className="max-w-md truncate text-xs text-neutral-600" title={r.target ?? r.error}>
              {r.target ?? r.error ?? "–"}
            </Td>
            <Td className="text-right">
              <Button variant="secondary" disabled={openId === r.id} onClick={() => onOpen(r.id)}>
                {openId === r.id ? "Open" : "Reopen"}
              </Button>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

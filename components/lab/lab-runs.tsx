"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { LocalTime } from "@/components/shared/local-time";
import { Badge, Button, QueryTable, Td, Tr } from "@/components/ui";

/** Stored runs, newest first: open any of them (they survive a restart). */
export function LabRuns({ openId, onOpen }: { openId: string | null; onOpen: (runId: string) => void }) {
  const trpc = useTRPC();
  const runs = useQuery(trpc.lab.runs.queryOptions({ limit: 20 }));
  return (
    <QueryTable
      query={runs}
      noun="runs"
      skeletonRows={3}
      empty={{ title: "No runs yet", hint: "Run an evaluation above: every run is stored here, and can be opened again after a restart." }}
      columns={["Started", "Data set", "Status", "Verdict"]}
      testId="lab-runs"
    >
      {(rows) =>
        rows.map((r) => (
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
                {openId === r.id ? "Shown above" : "Open"}
              </Button>
            </Td>
          </Tr>
        ))
      }
    </QueryTable>
  );
}

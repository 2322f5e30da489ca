"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { humanize } from "@/components/shared/format";
import { Badge, Button, ConfirmButton, Td, Tr } from "@/components/ui";
import { SuiteItems } from "./suite-items";
import type { SuiteSummary } from "./types";

function DeleteSuite({ suite }: { suite: SuiteSummary }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.discovery.deleteSuite.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.discovery.suites.queryKey() });
      },
    }),
  );
  return (
    <>
      <ConfirmButton
        ariaLabel={`Delete suite ${suite.name}`}
        title={`Delete “${suite.name}”?`}
        body={<p>The suite and its {suite.items} item{suite.items === 1 ? "" : "s"} are removed. Profiles it measured keep their scores, and past runs their probes.</p>}
        confirmLabel="Delete suite"
        pending={remove.isPending}
        error={remove.error?.message}
        onOpen={() => remove.reset()}
        onConfirm={() => remove.mutateAsync({ id: suite.id })}
      >
        Delete
      </ConfirmButton>
    </>
  );
}

/** One suite: name, capability, item count; opens in place to its items. Admins run it, and delete their own. */
export function SuiteRow({
  suite,
  open,
  onToggle,
  onRun,
  canManage,
}: {
  suite: SuiteSummary;
  open: boolean;
  onToggle: () => void;
  onRun: (suite: SuiteSummary) => void;
  canManage: boolean;
}) {
  return (
    <>
      <Tr data-testid="suite-row" data-suite-id={suite.id} data-builtin={suite.builtin ? "true" : "false"} className={open ? "bg-indigo-50/40" : undefined}>
        <Td>
          <button type="button" onClick={onToggle} aria-expanded={open} className="flex items-center gap-2 text-left font-medium text-neutral-900 hover:text-indigo-700">
            <svg viewBox="0 0 20 20" fill="currentColor" className={`size-4 shrink-0 text-neutral-400 transition-transform ${open ? "rotate-90" : ""}`} aria-hidden>
              <path d="M7.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L10.94 10 7.22 6.28a.75.75 0 0 1 0-1.06Z" />
            </svg>
            {suite.name}
          </button>
          <p className="ml-6 font-mono text-[11px] text-neutral-500">{suite.id}</p>
        </Td>
        <Td>{suite.builtin ? <Badge>built-in</Badge> : <Badge tone="blue">custom</Badge>}</Td>
        <Td className="whitespace-nowrap">{humanize(suite.capability)}</Td>
        <Td className="text-right tabular-nums" data-testid="suite-item-count">
          {suite.items}
        </Td>
        {canManage && (
          <Td className="text-right whitespace-nowrap">
            <Button variant="ghost" size="sm" onClick={() => onRun(suite)} disabled={suite.items === 0} title={suite.items === 0 ? "Add items first" : undefined}>
              Run against…
            </Button>
            {!suite.builtin && <DeleteSuite suite={suite} />}
          </Td>
        )}
      </Tr>
      {open && (
        <tr>
          <td colSpan={canManage ? 5 : 4} className="bg-neutral-50/60 px-5 py-4">
            <SuiteItems suiteId={suite.id} canManage={canManage} />
          </td>
        </tr>
      )}
    </>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { truncate } from "@/components/shared/format";
import { Alert, Badge, ConfirmButton, EmptyState, Scroller, SkeletonRows, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { AddSuiteItemForm } from "./add-suite-item-form";
import { graderSummary } from "./grader-summary";
import type { SuiteDetail, SuiteItemView } from "./types";

function DeleteItem({ item, suiteId }: { item: SuiteItemView; suiteId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.discovery.deleteItem.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.discovery.suite.queryKey({ id: suiteId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.discovery.suites.queryKey() }),
        ]);
      },
    }),
  );
  return (
    <>
      <ConfirmButton
        ariaLabel={`Delete item ${item.id}`}
        title="Delete this item?"
        body={
          <p>
            <span className="font-mono">{item.id}</span> leaves the suite. Past discovery runs keep their probes of it.
          </p>
        }
        confirmLabel="Delete item"
        pending={remove.isPending}
        error={remove.error?.message}
        onOpen={() => remove.reset()}
        onConfirm={() => remove.mutateAsync({ id: item.id })}
      >
        Delete
      </ConfirmButton>
    </>
  );
}

function ItemsTable({ suite, canEdit }: { suite: SuiteDetail; canEdit: boolean }) {
  return (
    <Scroller axis="y" label="Suite items (scrolls)" className="max-h-[32rem] rounded-lg border border-neutral-200 bg-white">
      <Table data-testid="suite-items">
        <THead className="sticky top-0 z-10">
          <Tr>
            <Th>Item</Th>
            <Th>Prompt</Th>
            <Th>Grader</Th>
            <Th>Expected · rubric</Th>
            {canEdit && (
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </Tr>
        </THead>
        <TBody>
          {suite.items.map((item) => (
            <Tr key={item.id} data-testid="suite-item-row" data-item-id={item.id} className="align-top">
              <Td className="font-mono text-xs whitespace-nowrap text-neutral-700">{item.id}</Td>
              <Td className="max-w-md text-xs">
                {item.prompt.length > 160 ? (
                  <details>
                    <summary className="cursor-pointer">{truncate(item.prompt, 160)}</summary>
                    <p className="mt-1 whitespace-pre-wrap text-neutral-700">{item.prompt}</p>
                  </details>
                ) : (
                  <span className="whitespace-pre-wrap">{item.prompt}</span>
                )}
              </Td>
              <Td>
                <Badge tone="violet">{item.grader.kind}</Badge>
              </Td>
              <Td className="max-w-sm text-xs break-words text-neutral-600">{truncate(graderSummary(item), 240)}</Td>
              {canEdit && (
                <Td className="text-right">
                  <DeleteItem item={item} suiteId={suite.id} />
                </Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
    </Scroller>
  );
}

/** A suite opened in place: its description, its items, and for admins on their own suites, the add-item form. */
export function SuiteItems({ suiteId, canManage }: { suiteId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const suite = useQuery(trpc.discovery.suite.queryOptions({ id: suiteId }));
  if (suite.isPending) return <SkeletonRows rows={4} />;
  if (suite.isError) {
    return (
      <Alert tone="error" title="Could not load the suite">
        {suite.error.message}
      </Alert>
    );
  }
  const canEdit = canManage && !suite.data.builtin;
  return (
    <div className="space-y-4" data-testid="suite-detail" data-suite-id={suite.data.id}>
      {suite.data.description && <p className="text-sm text-neutral-600">{suite.data.description}</p>}
      {suite.data.items.length === 0 ? (
        <EmptyState
          title="No items yet"
          hint={canEdit ? "Add the first item below: a prompt and how its answer is graded." : "An admin can add items to this suite."}
          data-testid="suite-items-empty"
        />
      ) : (
        <ItemsTable suite={suite.data} canEdit={canEdit} />
      )}
      {suite.data.builtin && <p className="text-xs text-neutral-500">Built-in suites are generated in code and cannot be edited; create your own suite to add items.</p>}
      {canEdit && (
        <div className="rounded-lg border border-neutral-200 bg-white p-4">
          <h4 className="mb-3 text-sm font-semibold text-neutral-900">Add an item</h4>
          <AddSuiteItemForm suiteId={suite.data.id} capability={suite.data.capability} />
        </div>
      )}
    </div>
  );
}

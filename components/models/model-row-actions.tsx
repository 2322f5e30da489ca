"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import type { ModelView } from "@/components/shared/api-types";
import { Button, ConfirmButton } from "@/components/ui";

/** Edit and delete for one model (admins only; enabling is the switch in the status column). */
export function ModelRowActions({ model, onEdit }: { model: ModelView; onEdit: (model: ModelView) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.models.pathKey() });

  const remove = useMutation(
    trpc.models.delete.mutationOptions({
      onSuccess: async () => {
        await invalidate();
      },
    }),
  );

  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="sm" onClick={() => onEdit(model)} aria-label={`Edit ${model.name}`}>
        Edit
      </Button>
      <ConfirmButton
        ariaLabel={`Delete ${model.name}`}
        title={`Delete ${model.name}?`}
        body={
          <>
            <p>
              The model <span className="font-mono">{model.id}</span> and its learned capability profile are removed. Past tasks keep their record.
            </p>
            <p className="mt-2">To stop routing to it but keep what was learned, disable it instead.</p>
          </>
        }
        confirmLabel="Delete model"
        pending={remove.isPending}
        error={remove.error?.message}
        onOpen={() => remove.reset()}
        onConfirm={() => remove.mutateAsync({ id: model.id })}
      >
        Delete
      </ConfirmButton>
    </div>
  );
}

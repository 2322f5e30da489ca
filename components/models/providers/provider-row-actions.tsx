"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import type { ProviderView } from "@/components/shared/api-types";
import { Button, ConfirmButton } from "@/components/ui";

/** Test and delete for one provider. */
export function ProviderRowActions({ provider, modelCount, onTest }: { provider: ProviderView; modelCount: number; onTest: (provider: ProviderView) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.providers.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.providers.pathKey() });
      },
    }),
  );
  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="sm" onClick={() => onTest(provider)} aria-label={`Test connection to ${provider.name}`}>
        Test
      </Button>
      <ConfirmButton
        ariaLabel={`Delete ${provider.name}`}
        title={`Delete ${provider.name}?`}
        body={
          modelCount > 0 ? (
            <p>
              {modelCount} model{modelCount === 1 ? " uses" : "s use"} this provider. Delete or move {modelCount === 1 ? "it" : "them"} first; the server will refuse
              otherwise.
            </p>
          ) : (
            <p>The provider and its stored API key are removed.</p>
          )
        }
        confirmLabel="Delete provider"
        pending={remove.isPending}
        error={remove.error?.message}
        onOpen={() => remove.reset()}
        onConfirm={() => remove.mutateAsync({ id: provider.id })}
      >
        Delete
      </ConfirmButton>
    </div>
  );
}

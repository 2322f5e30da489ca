"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { ProviderView } from "@/components/shared/api-types";
import { Button, ConfirmDialog } from "@/components/ui";

/** Test and delete for one provider. */
export function ProviderRowActions({ provider, modelCount, onTest }: { provider: ProviderView; modelCount: number; onTest: (provider: ProviderView) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.providers.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.providers.pathKey() });
        setConfirming(false);
      },
    }),
  );
  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="sm" onClick={() => onTest(provider)} aria-label={`Test connection to ${provider.name}`}>
        Test
      </Button>
      <Button
        variant="ghost"
        size="sm"
        className="text-rose-600 hover:bg-rose-50"
        onClick={() => {
          remove.reset();
          setConfirming(true);
        }}
        aria-label={`Delete ${provider.name}`}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
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
        onConfirm={() => remove.mutate({ id: provider.id })}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}

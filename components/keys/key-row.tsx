"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { ApiKeyRow } from "@/components/shared/api-types";
import { formatUsd } from "@/components/shared/format";
import { LocalTime } from "@/components/shared/local-time";
import { Badge, Button, ConfirmDialog, Td, Tr } from "@/components/ui";

/** One gateway key: what it is called, its visible prefix, limits and use; revoke behind a confirm. */
export function KeyRow({ apiKey }: { apiKey: ApiKeyRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
        setConfirming(false);
      },
    }),
  );
  const revoked = apiKey.revokedAt !== null;
  return (
    <Tr data-testid="key-row" data-key-id={apiKey.id}>
      <Td>
        <span className="font-medium text-neutral-900">{apiKey.name}</span>
        {revoked && (
          <Badge tone="neutral" className="ml-2">
            revoked
          </Badge>
        )}
      </Td>
      <Td className="font-mono text-xs whitespace-nowrap">{apiKey.prefix}…</Td>
      <Td className="whitespace-nowrap text-neutral-500">
        <LocalTime ms={apiKey.createdAt} />
      </Td>
      <Td className="whitespace-nowrap text-neutral-500">{apiKey.lastUsedAt ? <LocalTime ms={apiKey.lastUsedAt} /> : "never"}</Td>
      <Td className="text-xs text-neutral-600">
        {apiKey.rateLimitPerMinute}/min · {apiKey.monthlyBudgetUsd === null ? "no budget" : `${formatUsd(apiKey.spentThisMonthUsd)} of ${formatUsd(apiKey.monthlyBudgetUsd)}/month`}
      </Td>
      <Td className="text-right">
        {!revoked && (
          <Button variant="ghost" size="sm" className="text-rose-600 hover:bg-rose-50" onClick={() => setConfirming(true)} data-testid="revoke-key">
            Revoke
          </Button>
        )}
        <ConfirmDialog
          open={confirming}
          title={`Revoke ${apiKey.name}?`}
          body="Requests with this key fail with 401 from now on. This cannot be undone."
          confirmLabel="Revoke key"
          pending={revoke.isPending}
          error={revoke.error?.message ?? null}
          onConfirm={() => revoke.mutate({ id: apiKey.id })}
          onClose={() => setConfirming(false)}
        />
      </Td>
    </Tr>
  );
}

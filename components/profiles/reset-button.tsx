"use client";

import { useMutation } from "@tanstack/react-query";
import type { Capability } from "@/server/orchestrator/spec";
import { useTRPC } from "@/components/providers/trpc";
import { humanize } from "@/components/shared/format";
import { Button } from "@/components/ui";
import { useProfileInvalidation } from "./use-profile-invalidation";

/** Drops the override and restores the last discovered posterior (admins). */
export function ResetButton({ modelId, capability, enabled }: { modelId: string; capability: Capability; enabled: boolean }) {
  const trpc = useTRPC();
  const invalidate = useProfileInvalidation();
  const reset = useMutation(trpc.profiles.resetToDiscovered.mutationOptions({ onSuccess: () => invalidate() }));
  return (
    <div className="flex flex-col items-end">
      <Button
        variant="ghost"
        size="sm"
        pending={reset.isPending}
        disabled={!enabled}
        title={enabled ? "Drop the manual score and go back to the last discovery's estimate" : "Nothing to reset: no override, and the score is the discovered one"}
        aria-label={`Reset ${humanize(capability)} to discovered`}
        onClick={() => reset.mutate({ modelId, capability })}
      >
        Reset to discovered
      </Button>
      {reset.error && <p className="max-w-[14rem] text-right text-xs text-rose-600">{reset.error.message}</p>}
    </div>
  );
}

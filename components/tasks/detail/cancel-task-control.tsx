"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui";
import { CancelConfirm } from "./cancel-confirm";

/** "Cancel task", asked twice. Once the server took the cancel, it says so until the task reports cancelled. */
export function CancelTaskControl({ taskId }: { taskId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // after "Keep running" the button comes back where the confirm was: it takes the focus back, never on page load
  const [refocus, setRefocus] = useState(false);
  const cancel = useMutation(
    trpc.tasks.cancel.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.tasks.get.queryKey({ id: taskId }) }),
    }),
  );

  if (cancel.isSuccess) {
    return (
      <p className="text-xs text-neutral-500" role="status" data-testid="cancel-requested">
        Cancelling…
      </p>
    );
  }
  if (confirming) {
    return (
      <CancelConfirm
        pending={cancel.isPending}
        error={cancel.error?.message ?? null}
        onConfirm={() => cancel.mutate({ id: taskId })}
        onKeep={() => {
          setConfirming(false);
          setRefocus(true);
          cancel.reset();
        }}
      />
    );
  }
  return (
    <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} autoFocus={refocus}>
      Cancel task
    </Button>
  );
}

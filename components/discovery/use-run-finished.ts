"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/providers/trpc";

/** When a run ends: its record, the model's run list, the profile it wrote and the history chart refetch. */
export function useRunFinished(runId: string, modelId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.discovery.get.queryKey({ runId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.discovery.runs.queryKey({ modelId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.models.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.profiles.history.queryKey() }),
      ]),
    [queryClient, trpc, runId, modelId],
  );
}

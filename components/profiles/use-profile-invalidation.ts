"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/providers/trpc";

/** After a profile changes: the model (page and roster) and its history chart refetch. */
export function useProfileInvalidation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.models.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.profiles.history.queryKey() }),
      ]),
    [queryClient, trpc],
  );
}

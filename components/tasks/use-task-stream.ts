"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useReducer, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { applyWatchMessage, INITIAL_LIVE_STATE, isTerminalEvent } from "./live-output";

/** How often, at most, a burst of persisted events refetches the task (deltas never do). */
const REFETCH_THROTTLE_MS = 250;

/**
 * Follows a task over the tasks.watch subscription (SSE): streamed text per step as it arrives, and a
 * refetch of tasks.get when something persisted happens, so tables and totals catch up. The server ends
 * the stream after task.completed / task.failed; the link resumes from the last event id on reconnects.
 */
export function useTaskStream(taskId: string, enabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [live, dispatch] = useReducer(applyWatchMessage, INITIAL_LIVE_STATE);
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (refetchTimer.current) clearTimeout(refetchTimer.current);
    },
    [],
  );

  const subscription = useSubscription(
    trpc.tasks.watch.subscriptionOptions(
      { id: taskId, lastEventId: null },
      {
        enabled,
        onData: (message) => {
          const { event, at } = message.data;
          dispatch({ id: message.id, at, event });
          if (event.type === "output.delta") return;
          const taskKey = trpc.tasks.get.queryKey({ id: taskId });
          if (isTerminalEvent(event)) {
            if (refetchTimer.current) clearTimeout(refetchTimer.current);
            refetchTimer.current = null;
            void queryClient.invalidateQueries({ queryKey: taskKey });
            void queryClient.invalidateQueries({ queryKey: trpc.tasks.list.queryKey() });
            // outcomes feed the capability profiles
            void queryClient.invalidateQueries({ queryKey: trpc.models.list.queryKey() });
            return;
          }
          if (refetchTimer.current) return;
          refetchTimer.current = setTimeout(() => {
            refetchTimer.current = null;
            void queryClient.invalidateQueries({ queryKey: taskKey });
          }, REFETCH_THROTTLE_MS);
        },
      },
    ),
  );

  return { live, status: subscription.status, error: subscription.error };
}

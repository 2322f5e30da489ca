"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useReducer, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { applyWatchMessage, INITIAL_LIVE_STATE, isTerminalEvent } from "./live-output";

/** How often, at most, a burst of persisted events refetches the task (deltas never do). */
const REFETCH_THROTTLE_MS = 250;

/** Runs a burst of calls once, `ms` after the first; `now` runs at once and drops what is pending. */
function createThrottle(ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    later(run: () => void) {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        run();
      }, ms);
    },
    now(run: () => void) {
      cancel();
      run();
    },
    cancel,
  };
}

/**
 * Follows a task over the tasks.watch subscription (SSE): streamed text per step as it arrives, and a
 * refetch of tasks.get when something persisted happens, so tables and totals catch up. The server ends
 * the stream after task.completed / task.failed; the link resumes from the last event id on reconnects.
 */
export function useTaskStream(taskId: string, enabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [live, dispatch] = useReducer(applyWatchMessage, INITIAL_LIVE_STATE);
  const [throttle] = useState(() => createThrottle(REFETCH_THROTTLE_MS));
  useEffect(() => () => throttle.cancel(), [throttle]);

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
            throttle.now(() => {
              void queryClient.invalidateQueries({ queryKey: taskKey });
              void queryClient.invalidateQueries({ queryKey: trpc.tasks.list.queryKey() });
              // outcomes feed the capability profiles
              void queryClient.invalidateQueries({ queryKey: trpc.models.list.queryKey() });
            });
            return;
          }
          throttle.later(() => void queryClient.invalidateQueries({ queryKey: taskKey }));
        },
      },
    ),
  );

  return { live, status: subscription.status, error: subscription.error };
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useCan, useViewer } from "@/components/shared/viewer";
import { cx, Spinner } from "@/components/ui";

type Rating = "up" | "down";

const THUMB_UP = "M7.5 9.5V18h-3a1 1 0 0 1-1-1v-6.5a1 1 0 0 1 1-1h3Zm2 8.5h6.2a2 2 0 0 0 2-1.6l1.1-5.5a2 2 0 0 0-2-2.4H13l.6-3.1a1.8 1.8 0 0 0-3.4-1.1L9.5 9.5V18Z";

function ThumbButton({
  rating,
  pressed,
  disabled,
  onClick,
  children,
}: {
  rating: Rating;
  pressed: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      data-testid={`feedback-${rating}`}
      className={cx(
        "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium ring-1 ring-inset transition-colors disabled:cursor-not-allowed disabled:opacity-50",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
        pressed
          ? rating === "up"
            ? "bg-emerald-50 text-emerald-700 ring-emerald-600/30"
            : "bg-rose-50 text-rose-700 ring-rose-600/30"
          : "bg-white text-neutral-700 ring-neutral-300 hover:bg-neutral-50",
      )}
    >
      <svg viewBox="0 0 24 24" fill="currentColor" className={cx("size-4", rating === "down" && "rotate-180")} aria-hidden>
        <path d={THUMB_UP} />
      </svg>
      {children}
    </button>
  );
}

/** Thumbs up or down on a completed task's answer (operators and admins); the rating teaches the model's profile. */
export function TaskFeedback({ taskId }: { taskId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const canRate = useCan("operator");
  const ratings = useQuery({ ...trpc.profiles.feedbackOf.queryOptions({ taskId }), enabled: canRate });
  const rate = useMutation(
    trpc.profiles.feedback.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.profiles.feedbackOf.queryKey({ taskId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.models.pathKey() }),
        ]),
    }),
  );
  if (!canRate) return null;

  const value = ratings.data?.find((r) => r.userId === viewer.id)?.value;
  // the optimistic choice while saving, then what the server has
  const mine: Rating | null = rate.isPending && rate.variables ? rate.variables.rating : value === 1 ? "up" : value === -1 ? "down" : null;
  const others = (ratings.data ?? []).filter((r) => r.userId !== viewer.id);
  const busy = rate.isPending || ratings.isPending;

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2" data-testid="task-feedback" data-rating={mine ?? ""}>
      <span className="text-xs font-medium text-neutral-700">Was this answer good?</span>
      <div className="flex gap-1.5" role="group" aria-label="Rate the answer">
        <ThumbButton rating="up" pressed={mine === "up"} disabled={busy} onClick={() => rate.mutate({ taskId, rating: "up" })}>
          Good
        </ThumbButton>
        <ThumbButton rating="down" pressed={mine === "down"} disabled={busy} onClick={() => rate.mutate({ taskId, rating: "down" })}>
          Bad
        </ThumbButton>
      </div>
      {rate.isPending && <Spinner label="Saving" className="text-neutral-400" />}
      <span className="text-xs text-neutral-500" data-testid="feedback-current">
        {mine ? `You rated it ${mine === "up" ? "good" : "bad"}.` : ratings.isPending ? "Loading ratings…" : "Not rated by you yet."}
        {others.length > 0 && ` ${others.filter((r) => r.value > 0).length} up, ${others.filter((r) => r.value < 0).length} down from others.`}
        {" "}Feeds the model&apos;s capability profile.
      </span>
      {rate.error && <p className="w-full text-xs text-rose-600">{rate.error.message}</p>}
      {ratings.error && <p className="w-full text-xs text-rose-600">Could not load ratings: {ratings.error.message}</p>}
    </div>
  );
}

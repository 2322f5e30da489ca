"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui";

/** Submits the curated demo batch: every capability and strategy on the roster, in about a minute. */
export function DemoBatchButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const demo = useMutation(
    trpc.tasks.demo.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.tasks.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tasks.counts.queryKey() }),
        ]),
    }),
  );
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" pending={demo.isPending} onClick={() => demo.mutate()} title="Submit a dozen sample tasks across capabilities and strategies">
        Run demo batch
      </Button>
      {demo.isSuccess && <p className="text-xs text-emerald-700">Submitted {demo.data.ids.length} tasks.</p>}
      {demo.error && <p className="max-w-xs text-right text-xs text-rose-600">{demo.error.message}</p>}
    </div>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import type { ModelView } from "@/components/shared/api-types";
import { cx, Spinner } from "@/components/ui";

/** A switch that enables or disables a model for routing (admins only); the label says the current state. */
export function EnabledToggle({ model }: { model: ModelView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setEnabled = useMutation(
    trpc.models.setEnabled.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.models.pathKey() }),
    }),
  );
  const on = model.enabled;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-label={`${model.name} enabled`}
          disabled={setEnabled.isPending}
          onClick={() => setEnabled.mutate({ id: model.id, enabled: !on })}
          className={cx(
            "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60",
            on ? "bg-emerald-500" : "bg-neutral-300",
          )}
        >
          <span className={cx("inline-block size-4 rounded-full bg-white shadow transition-transform", on ? "translate-x-4.5" : "translate-x-0.5")} />
        </button>
        <span className={cx("text-xs", on ? "text-emerald-700" : "text-neutral-500")} data-testid="model-status">
          {on ? "enabled" : "disabled"}
        </span>
        {setEnabled.isPending && <Spinner label="Saving" className="text-neutral-400" />}
      </div>
      {setEnabled.error && <p className="max-w-[10rem] text-[11px] text-rose-600">{setEnabled.error.message}</p>}
    </div>
  );
}

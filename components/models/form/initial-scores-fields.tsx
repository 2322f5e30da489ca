"use client";

import { CAPABILITIES } from "@/server/orchestrator/spec";
import type { FieldErrors } from "@/components/shared/errors";
import { humanize } from "@/components/shared/format";
import { TextField } from "@/components/ui";
import type { ModelFormState } from "./model-form-state";

/** Optional starting scores for a new model; blank ones start at an uninformed 0.5 and are learned. */
export function InitialScoresFields({
  form,
  errors,
  onChange,
}: {
  form: ModelFormState;
  errors: FieldErrors;
  onChange: (patch: Partial<ModelFormState>) => void;
}) {
  const open = Object.keys(errors).some((k) => k.startsWith("initialScores"));
  return (
    <details className="rounded-lg border border-neutral-200 p-4" open={open || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-neutral-800">Starting capability scores (optional)</summary>
      <p className="mt-1 text-xs text-neutral-500">What routing should believe before any outcome is seen, 0–1. Leave blank for 0.5.</p>
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {CAPABILITIES.map((c) => (
          <TextField
            key={c}
            id={`model-initial-${c}`}
            label={`${humanize(c)} start`}
            type="number"
            min={0}
            max={1}
            step={0.05}
            placeholder="0.5"
            value={form.initialScores[c]}
            onChange={(e) => onChange({ initialScores: { ...form.initialScores, [c]: e.target.value } })}
            errors={errors[`initialScores.${c}`]}
          />
        ))}
      </div>
    </details>
  );
}

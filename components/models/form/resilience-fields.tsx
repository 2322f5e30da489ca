"use client";

import type { FieldErrors } from "@/components/shared/errors";
import { CheckboxField, FieldError, TextField } from "@/components/ui";
import type { ResilienceFormState, ResilienceTextField } from "./resilience-form-state";

interface FieldSpec {
  field: ResilienceTextField;
  /** the server's error key under "resilience." */
  path: string;
  label: string;
  hint?: string;
}

const GROUPS: ReadonlyArray<{ title: string; fields: readonly FieldSpec[] }> = [
  {
    title: "Timeouts and retries",
    fields: [
      { field: "firstTokenTimeoutMs", path: "firstTokenTimeoutMs", label: "First-token timeout (ms)", hint: "Streams only: no text by then fails the attempt." },
      { field: "totalTimeoutMs", path: "totalTimeoutMs", label: "Total timeout (ms)", hint: "One attempt, start to finish." },
      { field: "maxRetries", path: "maxRetries", label: "Max retries", hint: "For 429, 5xx, timeouts and network errors only." },
      { field: "baseBackoffMs", path: "baseBackoffMs", label: "Base backoff (ms)", hint: "Doubles per retry, ±25% jitter." },
      { field: "maxBackoffMs", path: "maxBackoffMs", label: "Max backoff (ms)", hint: "Also caps a 429's Retry-After." },
    ],
  },
  {
    title: "Circuit breaker",
    fields: [
      { field: "consecutiveFailures", path: "breaker.consecutiveFailures", label: "Opens after failures in a row" },
      { field: "failureRatio", path: "breaker.failureRatio", label: "…or failure ratio (0.05–0.95)", hint: "Empty: failures in a row only." },
      { field: "window", path: "breaker.window", label: "Ratio window (calls)" },
      { field: "halfOpenAfterMs", path: "breaker.halfOpenAfterMs", label: "Probe after (ms)", hint: "How long it stays open before one probe call." },
    ],
  },
  {
    title: "Bulkhead",
    fields: [
      { field: "maxConcurrent", path: "bulkhead.maxConcurrent", label: "Max concurrent calls" },
      { field: "maxQueued", path: "bulkhead.maxQueued", label: "Max queued calls", hint: "Beyond this, tasks fall back to another model." },
    ],
  },
];

/** Per-model timeouts, retries, circuit breaker and bulkhead; unticked, the model runs on the defaults. */
export function ResilienceFields({
  value,
  errors,
  onChange,
}: {
  value: ResilienceFormState;
  errors: FieldErrors;
  onChange: (next: ResilienceFormState) => void;
}) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-neutral-200 p-4" data-testid="resilience-fields">
      <legend className="px-1 text-sm font-semibold text-neutral-900">Resilience</legend>
      <CheckboxField
        id="model-resilience-custom"
        label="Use this model's own resilience settings"
        hint="Unticked, the model uses the defaults shown below."
        checked={value.custom}
        onChange={(e) => onChange({ ...value, custom: e.target.checked })}
      />
      <FieldError messages={errors.resilience} />
      {GROUPS.map((group) => (
        <div key={group.title}>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-neutral-500 uppercase">{group.title}</h3>
          <div className="grid gap-4 sm:grid-cols-2">
            {group.fields.map((f) => (
              <TextField
                key={f.field}
                id={`model-resilience-${f.field}`}
                label={f.label}
                hint={f.hint}
                type="number"
                min={0}
                step="any"
                value={value[f.field]}
                disabled={!value.custom}
                onChange={(e) => onChange({ ...value, [f.field]: e.target.value })}
                errors={errors[`resilience.${f.path}`]}
              />
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}

"use client";

import { CAPABILITIES } from "@/server/orchestrator/spec";
import { errorsFor, type FieldErrors } from "@/components/shared/errors";
import { humanize } from "@/components/shared/format";
import { FieldError, TextField } from "@/components/ui";
import { FAULT_FIELDS, type FaultField, type ModelFormState } from "./model-form-state";

const FAULT_LABEL: Record<FaultField, string> = {
  errorRate: "Error rate (HTTP 500)",
  rateLimitRate: "Rate-limit rate (HTTP 429)",
  timeoutRate: "Timeout rate",
  cutStreamRate: "Cut-stream rate",
};

function SkillSlider({
  capability,
  value,
  errors,
  onChange,
}: {
  capability: string;
  value: string;
  errors?: string[];
  onChange: (value: string) => void;
}) {
  const id = `model-skill-${capability}`;
  const numeric = Number(value);
  return (
    <div>
      <div className="flex items-center justify-between text-xs">
        <label htmlFor={id} className="font-medium text-neutral-700">
          {humanize(capability)} skill
        </label>
        <output htmlFor={id} className="font-mono tabular-nums text-neutral-500">
          {Number.isFinite(numeric) ? numeric.toFixed(2) : value}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={Number.isFinite(numeric) ? numeric : 0}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        className="mt-1 w-full"
      />
      <FieldError messages={errors} />
    </div>
  );
}

/** The hidden truth of a simulated model: skill per capability, latency profile, fault rates and seed. */
export function SimulatedFields({
  form,
  errors,
  onChange,
}: {
  form: ModelFormState;
  errors: FieldErrors;
  onChange: (patch: Partial<ModelFormState>) => void;
}) {
  const e = (path: string) => errors[`simulated.${path}`];
  return (
    <fieldset className="space-y-5 rounded-lg border border-amber-200 bg-amber-50/40 p-4" data-testid="simulated-fields">
      <legend className="px-1 text-sm font-semibold text-neutral-900">Simulation</legend>
      <p className="-mt-2 text-xs text-neutral-600">
        Hidden from routing: the router has to learn these from outcomes. The same seed gives the same answers.
      </p>
      <FieldError messages={errors.simulated} />

      <div>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-neutral-500 uppercase">True skill (probability of a correct answer)</h3>
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {CAPABILITIES.map((c) => (
            <SkillSlider key={c} capability={c} value={form.skills[c]} errors={e(`skills.${c}`)} onChange={(v) => onChange({ skills: { ...form.skills, [c]: v } })} />
          ))}
        </div>
        <FieldError messages={errorsFor(errors, "simulated.skills")} />
      </div>

      <div>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-neutral-500 uppercase">Latency</h3>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField id="model-ttft" label="Time to first token (ms)" type="number" min={0} step={1} value={form.ttftMs} onChange={(ev) => onChange({ ttftMs: ev.target.value })} errors={e("latency.ttftMs")} />
          <TextField id="model-tps" label="Tokens per second" type="number" min={1} step="any" value={form.tokensPerSec} onChange={(ev) => onChange({ tokensPerSec: ev.target.value })} errors={e("latency.tokensPerSec")} />
          <TextField id="model-jitter" label="Jitter (0–1)" type="number" min={0} max={1} step={0.05} value={form.jitter} onChange={(ev) => onChange({ jitter: ev.target.value })} errors={e("latency.jitter")} />
        </div>
      </div>

      <div>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-neutral-500 uppercase">Faults (probability per call, 0–1)</h3>
        <div className="grid gap-4 sm:grid-cols-2">
          {FAULT_FIELDS.map((f) => (
            <TextField
              key={f}
              id={`model-${f}`}
              label={FAULT_LABEL[f]}
              type="number"
              min={0}
              max={1}
              step={0.01}
              value={form[f]}
              onChange={(ev) => onChange({ [f]: ev.target.value })}
              errors={e(`faults.${f}`)}
            />
          ))}
        </div>
      </div>

      <TextField
        id="model-seed"
        label="Seed"
        type="number"
        min={0}
        step={1}
        value={form.seed}
        onChange={(ev) => onChange({ seed: ev.target.value })}
        errors={e("seed")}
        wrapperClassName="max-w-[12rem]"
      />
    </fieldset>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { submitTaskSchema } from "@/server/api/schemas/tasks";
import { MAX_TASK_CHARS, ROUTING_POLICIES, STRATEGIES, type RoutingPolicy, type Strategy } from "@/server/orchestrator/spec";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { Alert, Button, CheckboxField, SelectField, TextareaField, TextField } from "@/components/ui";
import { EXAMPLE_PROMPTS, POLICY_HELP, STRATEGY_HELP } from "./task-options";

interface FormState {
  prompt: string;
  maxCostUsd: string;
  maxLatencyMs: string;
  minQuality: string;
  strategy: Strategy;
  policy: RoutingPolicy;
  useCache: boolean;
}

const INITIAL: FormState = { prompt: "", maxCostUsd: "", maxLatencyMs: "", minQuality: "", strategy: "auto", policy: "balanced", useCache: true };
const FIELDS = ["prompt", "constraints", "strategy", "policy", "cache"] as const;

/** "" → left out; anything else → a number (NaN fails validation with the schema's message). */
function optionalNumber(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

function toInput(form: FormState) {
  const constraints: Record<string, number> = {};
  const maxCostUsd = optionalNumber(form.maxCostUsd);
  const maxLatencyMs = optionalNumber(form.maxLatencyMs);
  const minQuality = optionalNumber(form.minQuality);
  if (maxCostUsd !== undefined) constraints.maxCostUsd = maxCostUsd;
  if (maxLatencyMs !== undefined) constraints.maxLatencyMs = maxLatencyMs;
  if (minQuality !== undefined) constraints.minQuality = minQuality;
  return { prompt: form.prompt, constraints, strategy: form.strategy, policy: form.policy, cache: form.useCache };
}

/** Prompt, optional constraints, strategy and policy; on success, straight to the task's live page. */
export function SubmitTaskForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(INITIAL);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const submit = useMutation(
    trpc.tasks.submit.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.tasks.list.queryKey() });
        router.push(`/tasks/${id}`);
      },
    }),
  );

  const errors: FieldErrors = { ...fieldErrorsOf(submit.error), ...clientErrors };
  const set = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setClientErrors({});
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(submitTaskSchema, toInput(form));
    if (!checked.ok) {
      setClientErrors(checked.fieldErrors);
      return;
    }
    submit.reset();
    submit.mutate(checked.data);
  }

  const topMessage = formLevelMessage(submit.error, FIELDS);
  const busy = submit.isPending || submit.isSuccess;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" data-testid="submit-task-form">
      {topMessage && (
        <Alert tone="error" title="The task was not submitted" data-testid="submit-error">
          {topMessage}
        </Alert>
      )}

      <div>
        <TextareaField
          id="prompt"
          name="prompt"
          label="Prompt"
          rows={8}
          placeholder="What should the models do?"
          value={form.prompt}
          onChange={(e) => set({ prompt: e.target.value })}
          errors={errors.prompt}
          hint={`${form.prompt.length.toLocaleString("en")} / ${MAX_TASK_CHARS.toLocaleString("en")} characters`}
          className="font-mono text-[13px]"
        />
        <div className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-neutral-500">
          <span>Try:</span>
          {EXAMPLE_PROMPTS.map((example) => (
            <button
              key={example}
              type="button"
              onClick={() => set({ prompt: example })}
              className="rounded-full bg-neutral-100 px-2.5 py-1 text-neutral-700 hover:bg-indigo-50 hover:text-indigo-700"
            >
              {example.length > 42 ? `${example.slice(0, 40)}…` : example}
            </button>
          ))}
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="strategy"
          label="Strategy"
          value={form.strategy}
          onChange={(e) => set({ strategy: e.target.value as Strategy })}
          options={STRATEGIES.map((s) => ({ value: s, label: s }))}
          hint={STRATEGY_HELP[form.strategy]}
          errors={errors.strategy}
        />
        <SelectField
          id="policy"
          label="Routing policy"
          value={form.policy}
          onChange={(e) => set({ policy: e.target.value as RoutingPolicy })}
          options={ROUTING_POLICIES.map((p) => ({ value: p, label: p }))}
          hint={POLICY_HELP[form.policy]}
          errors={errors.policy}
        />
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-neutral-900">Constraints</legend>
        <p className="mt-0.5 text-xs text-neutral-500">Optional. Models that cannot meet them are not considered.</p>
        <div className="mt-3 grid gap-4 sm:grid-cols-3">
          <TextField
            id="maxCostUsd"
            label="Max cost (USD)"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            placeholder="e.g. 0.01"
            value={form.maxCostUsd}
            onChange={(e) => set({ maxCostUsd: e.target.value })}
            errors={errors["constraints.maxCostUsd"]}
          />
          <TextField
            id="maxLatencyMs"
            label="Max latency (ms)"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            placeholder="e.g. 5000"
            value={form.maxLatencyMs}
            onChange={(e) => set({ maxLatencyMs: e.target.value })}
            errors={errors["constraints.maxLatencyMs"]}
          />
          <TextField
            id="minQuality"
            label="Min quality (0–1)"
            type="number"
            inputMode="decimal"
            min={0}
            max={1}
            step={0.05}
            placeholder="e.g. 0.7"
            value={form.minQuality}
            onChange={(e) => set({ minQuality: e.target.value })}
            errors={errors["constraints.minQuality"] ?? errors.constraints}
          />
        </div>
      </fieldset>

      <CheckboxField
        id="useCache"
        label="Use cached answers"
        hint="When the same request was answered before (within the cache's time to live), serve that answer at no cost instead of calling models again."
        checked={form.useCache}
        onChange={(e) => set({ useCache: e.target.checked })}
        data-testid="use-cache"
      />

      <div className="flex items-center justify-end gap-3 border-t border-neutral-100 pt-5">
        <Button type="submit" pending={busy}>
          Submit task
        </Button>
      </div>
    </form>
  );
}

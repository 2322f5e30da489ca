"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { createModelSchema, updateModelSchema } from "@/server/api/schemas/models";
import { useTRPC } from "@/components/providers/trpc";
import type { ProviderView } from "@/components/shared/api-types";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { Alert, Button, CheckboxField, SelectField, TextField } from "@/components/ui";
import { InitialScoresFields } from "./initial-scores-fields";
import { toCreateInput, toUpdateInput, type ModelFormState } from "./model-form-state";
import { ResilienceFields } from "./resilience-fields";
import { SimulatedFields } from "./simulated-fields";

const SHOWN_FIELDS = [
  "id",
  "name",
  "providerId",
  "remoteModel",
  "contextWindow",
  "inputUsdPerMTok",
  "outputUsdPerMTok",
  "enabled",
  "simulated",
  "initialScores",
  "resilience",
] as const;

/** Add or edit a model; validated with the server's schema first, then the server's field errors go next to their fields. */
export function ModelForm({
  mode,
  initial,
  providers,
  onDone,
  onCancel,
}: {
  mode: "create" | "edit";
  initial: ModelFormState;
  providers: readonly ProviderView[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const kind = providers.find((p) => p.id === form.providerId)?.kind;
  const isSimulated = kind === "simulated";

  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.models.pathKey() });
    onDone();
  };
  const create = useMutation(trpc.models.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.models.update.mutationOptions({ onSuccess }));
  const mutation = mode === "create" ? create : update;

  const errors: FieldErrors = { ...fieldErrorsOf(mutation.error), ...clientErrors };
  const change = (patch: Partial<ModelFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setClientErrors({});
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    mutation.reset();
    if (mode === "create") {
      const checked = validate(createModelSchema, toCreateInput(form, kind));
      if (!checked.ok) return setClientErrors(checked.fieldErrors);
      create.mutate(checked.data);
    } else {
      const checked = validate(updateModelSchema, toUpdateInput(form, kind));
      if (!checked.ok) return setClientErrors(checked.fieldErrors);
      update.mutate(checked.data);
    }
  }

  const topMessage = formLevelMessage(mutation.error, SHOWN_FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="model-form">
      {topMessage && (
        <Alert tone="error" title={mode === "create" ? "The model was not added" : "The model was not saved"} data-testid="model-form-error">
          {topMessage}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="model-id"
          label="Model id"
          value={form.id}
          onChange={(e) => change({ id: e.target.value })}
          disabled={mode === "edit"}
          placeholder="e.g. llama-3.1-8b"
          hint={mode === "create" ? "Lowercase letters, digits, '.', '_' and '-'. Cannot be changed later." : undefined}
          errors={errors.id}
          autoComplete="off"
        />
        <TextField id="model-name" label="Name" value={form.name} onChange={(e) => change({ name: e.target.value })} placeholder="e.g. Llama 3.1 8B" errors={errors.name} />
        <SelectField
          id="model-provider"
          label="Provider"
          value={form.providerId}
          onChange={(e) => change({ providerId: e.target.value })}
          options={[{ value: "", label: "Choose a provider…" }, ...providers.map((p) => ({ value: p.id, label: `${p.name} (${p.kind})` }))]}
          errors={errors.providerId}
        />
        {!isSimulated && (
          <TextField
            id="model-remote"
            label="Remote model name"
            value={form.remoteModel}
            onChange={(e) => change({ remoteModel: e.target.value })}
            placeholder="e.g. llama3.1:8b"
            hint="The name the provider knows the model by."
            errors={errors.remoteModel}
            autoComplete="off"
          />
        )}
        <TextField
          id="model-context"
          label="Context window (tokens)"
          type="number"
          min={256}
          step={1}
          value={form.contextWindow}
          onChange={(e) => change({ contextWindow: e.target.value })}
          errors={errors.contextWindow}
        />
        <div className="grid grid-cols-2 gap-3 sm:col-span-2">
          <TextField
            id="model-input-price"
            label="Input price ($/MTok)"
            type="number"
            min={0}
            step="any"
            value={form.inputUsdPerMTok}
            onChange={(e) => change({ inputUsdPerMTok: e.target.value })}
            errors={errors.inputUsdPerMTok}
          />
          <TextField
            id="model-output-price"
            label="Output price ($/MTok)"
            type="number"
            min={0}
            step="any"
            value={form.outputUsdPerMTok}
            onChange={(e) => change({ outputUsdPerMTok: e.target.value })}
            errors={errors.outputUsdPerMTok}
          />
        </div>
        <CheckboxField
          id="model-enabled"
          label="Enabled"
          hint="Disabled models are never routed to."
          checked={form.enabled}
          onChange={(e) => change({ enabled: e.target.checked })}
          className="sm:col-span-2"
        />
      </div>

      {isSimulated && <SimulatedFields form={form} errors={errors} onChange={change} />}
      {!isSimulated && errors.simulated && <Alert tone="error">{errors.simulated.join("; ")}</Alert>}
      {mode === "create" && <InitialScoresFields form={form} errors={errors} onChange={change} />}
      <ResilienceFields value={form.resilience} errors={errors} onChange={(resilience) => change({ resilience })} />

      <div className="flex justify-end gap-2 border-t border-neutral-100 pt-4">
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={mutation.isPending}>
          {mode === "create" ? "Add model" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}

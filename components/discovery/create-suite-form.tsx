"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { createSuiteSchema } from "@/server/api/schemas/discovery";
import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { humanize } from "@/components/shared/format";
import { Alert, Button, SelectField, TextareaField, TextField } from "@/components/ui";
import { CAPABILITY_DESCRIPTIONS } from "./capability-info";

/** Name, capability and an optional description; the new suite opens so items can be added at once. */
export function CreateSuiteForm({ onCreated, onCancel }: { onCreated: (suiteId: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: "", capability: "math" as Capability, description: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.discovery.createSuite.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.discovery.suites.queryKey() });
        onCreated(id);
      },
    }),
  );
  const errors = { ...fieldErrorsOf(create.error), ...clientErrors };
  const change = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setClientErrors({});
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.reset();
    const checked = validate(createSuiteSchema, { ...form, description: form.description.trim() === "" ? undefined : form.description });
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    create.mutate(checked.data);
  }

  const topMessage = formLevelMessage(create.error, ["name", "capability", "description"]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="create-suite-form">
      {topMessage && (
        <Alert tone="error" title="The suite was not created" data-testid="create-suite-error">
          {topMessage}
        </Alert>
      )}
      <TextField id="suite-name" label="Name" value={form.name} onChange={(e) => change({ name: e.target.value })} placeholder="e.g. Support ticket triage" errors={errors.name} />
      <SelectField
        id="suite-capability"
        label="Capability"
        value={form.capability}
        onChange={(e) => change({ capability: e.target.value as Capability })}
        options={CAPABILITIES.map((c) => ({ value: c, label: humanize(c) }))}
        hint={CAPABILITY_DESCRIPTIONS[form.capability]}
        errors={errors.capability}
      />
      <TextareaField
        id="suite-description"
        label="Description (optional)"
        rows={3}
        value={form.description}
        onChange={(e) => change({ description: e.target.value })}
        placeholder="What the suite measures and where its items come from."
        errors={errors.description}
      />
      <div className="flex justify-end gap-2 border-t border-neutral-100 pt-4">
        <Button variant="secondary" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create suite
        </Button>
      </div>
    </form>
  );
}

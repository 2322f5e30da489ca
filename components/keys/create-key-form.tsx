"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { createApiKeySchema } from "@/server/api/schemas/api-keys";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { Alert, Button, TextField } from "@/components/ui";
import { CreatedKey } from "./created-key";

const EMPTY = { name: "", rateLimitPerMinute: "600", monthlyBudgetUsd: "" };

export function CreateKeyForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
        setForm(EMPTY);
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
    const checked = validate(createApiKeySchema, {
      name: form.name,
      rateLimitPerMinute: Number(form.rateLimitPerMinute),
      monthlyBudgetUsd: form.monthlyBudgetUsd.trim() === "" ? null : Number(form.monthlyBudgetUsd),
    });
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    create.mutate(checked.data);
  }

  const topMessage = formLevelMessage(create.error, ["name", "rateLimitPerMinute", "monthlyBudgetUsd"]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="create-key-form">
      {topMessage && (
        <Alert tone="error" title="The key was not created">
          {topMessage}
        </Alert>
      )}
      {create.data && <CreatedKey name={create.data.name} plainKey={create.data.key} />}
      <TextField id="key-name" label="Name" autoComplete="off" value={form.name} onChange={(e) => change({ name: e.target.value })} errors={errors.name} />
      <TextField
        id="key-rate"
        label="Requests per minute"
        inputMode="numeric"
        value={form.rateLimitPerMinute}
        onChange={(e) => change({ rateLimitPerMinute: e.target.value })}
        errors={errors.rateLimitPerMinute}
      />
      <TextField
        id="key-budget"
        label="Monthly budget (USD)"
        inputMode="decimal"
        value={form.monthlyBudgetUsd}
        onChange={(e) => change({ monthlyBudgetUsd: e.target.value })}
        hint="Empty: no budget."
        errors={errors.monthlyBudgetUsd}
      />
      <Button type="submit" pending={create.isPending} className="w-full">
        Create key
      </Button>
    </form>
  );
}

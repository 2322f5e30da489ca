"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { createProviderSchema } from "@/server/api/schemas/providers";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { Alert, Button, SelectField, TextField } from "@/components/ui";

const KINDS = ["openai-compatible", "openai", "anthropic"] as const;
type Kind = (typeof KINDS)[number];

const KIND_HELP: Record<Kind, string> = {
  "openai-compatible": "Ollama, vLLM, LM Studio, llama.cpp server, OpenRouter, Together, Groq…",
  openai: "The OpenAI API (chat completions).",
  anthropic: "The Anthropic Messages API.",
};

const URL_PLACEHOLDER: Record<Kind, string> = {
  "openai-compatible": "http://localhost:11434/v1",
  openai: "https://api.openai.com/v1 (default)",
  anthropic: "https://api.anthropic.com/v1 (default)",
};

const blankToUndefined = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** Name, kind, base URL and API key (write-only: the key never comes back to the browser). */
export function ProviderForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: "", kind: "openai-compatible" as Kind, baseUrl: "", apiKey: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.providers.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.providers.pathKey() });
        onDone();
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
    const checked = validate(createProviderSchema, {
      name: form.name,
      kind: form.kind,
      baseUrl: blankToUndefined(form.baseUrl),
      apiKey: blankToUndefined(form.apiKey),
    });
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    create.mutate(checked.data);
  }

  const topMessage = formLevelMessage(create.error, ["name", "kind", "baseUrl", "apiKey"]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="provider-form">
      {topMessage && (
        <Alert tone="error" title="The provider was not added" data-testid="provider-form-error">
          {topMessage}
        </Alert>
      )}
      <TextField id="provider-name" label="Provider name" value={form.name} onChange={(e) => change({ name: e.target.value })} placeholder="e.g. Local Ollama" errors={errors.name} />
      <SelectField
        id="provider-kind"
        label="Kind"
        value={form.kind}
        onChange={(e) => change({ kind: e.target.value as Kind })}
        options={KINDS.map((k) => ({ value: k, label: k }))}
        hint={KIND_HELP[form.kind]}
        errors={errors.kind}
      />
      <TextField
        id="provider-base-url"
        label={form.kind === "openai-compatible" ? "Base URL" : "Base URL (optional)"}
        type="url"
        value={form.baseUrl}
        onChange={(e) => change({ baseUrl: e.target.value })}
        placeholder={URL_PLACEHOLDER[form.kind]}
        errors={errors.baseUrl}
        autoComplete="off"
      />
      <TextField
        id="provider-api-key"
        label="API key (optional)"
        type="password"
        value={form.apiKey}
        onChange={(e) => change({ apiKey: e.target.value })}
        hint="Stored encrypted; it is never shown again."
        errors={errors.apiKey}
        autoComplete="new-password"
      />
      <div className="flex justify-end gap-2 border-t border-neutral-100 pt-4">
        <Button variant="secondary" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Add provider
        </Button>
      </div>
    </form>
  );
}

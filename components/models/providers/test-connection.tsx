"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { testProviderSchema } from "@/server/api/schemas/providers";
import { useTRPC } from "@/components/providers/trpc";
import type { ProviderView } from "@/components/shared/api-types";
import { fieldErrorsOf, validate, type FieldErrors } from "@/components/shared/errors";
import { formatMs } from "@/components/shared/format";
import { Alert, Button, TextField } from "@/components/ui";

/** One real call through the provider: the latency on success, the provider's own error verbatim otherwise. */
export function TestConnection({ provider, suggestedModel }: { provider: ProviderView; suggestedModel: string }) {
  const trpc = useTRPC();
  const [remoteModel, setRemoteModel] = useState(suggestedModel);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const test = useMutation(trpc.providers.testConnection.mutationOptions());
  const errors = { ...fieldErrorsOf(test.error), ...clientErrors };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    test.reset();
    const checked = validate(testProviderSchema, { id: provider.id, remoteModel });
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    test.mutate(checked.data);
  }

  const result = test.data;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          id={`test-remote-${provider.id}`}
          label="Remote model"
          value={remoteModel}
          onChange={(e) => {
            setRemoteModel(e.target.value);
            setClientErrors({});
          }}
          placeholder="e.g. llama3.1:8b"
          errors={errors.remoteModel}
          wrapperClassName="min-w-[14rem] flex-1"
          autoComplete="off"
        />
        <Button type="submit" variant="secondary" pending={test.isPending} className={errors.remoteModel ? "mb-5" : undefined}>
          Test connection
        </Button>
      </div>
      {test.error && !errors.remoteModel && (
        <Alert tone="error" data-testid="test-connection-result" data-ok="false">
          {test.error.message}
        </Alert>
      )}
      {result &&
        (result.ok ? (
          <Alert tone="success" title={`Connected in ${formatMs(result.latencyMs)}`} data-testid="test-connection-result" data-ok="true">
            {result.text && <span className="font-mono text-xs whitespace-pre-wrap">{result.text}</span>}
          </Alert>
        ) : (
          <Alert tone="error" title="The provider answered with an error" data-testid="test-connection-result" data-ok="false">
            <span className="font-mono text-xs whitespace-pre-wrap">{result.error}</span>
          </Alert>
        ))}
    </form>
  );
}

"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { startDiscoverySchema } from "@/server/api/schemas/discovery";
import type { Capability } from "@/server/orchestrator/spec";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { humanize } from "@/components/shared/format";
import { Alert, Button, SelectField } from "@/components/ui";
import type { SuiteSummary } from "./types";

/**
 * Runs one suite against a model the admin picks. Built-in suites are the default discovery suites, so
 * they run as that single capability; an operator's own suite runs by its id.
 */
export function RunSuiteForm({ suite, onClose }: { suite: SuiteSummary; onClose: () => void }) {
  const trpc = useTRPC();
  const models = useQuery(trpc.models.list.queryOptions());
  const [modelId, setModelId] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const start = useMutation(trpc.discovery.start.mutationOptions());
  const errors = { ...fieldErrorsOf(start.error), ...clientErrors };
  const sorted = [...(models.data ?? [])].sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.name.localeCompare(b.name));
  const chosen = sorted.find((m) => m.id === modelId);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    start.reset();
    const input = suite.builtin ? { modelId, capabilities: [suite.capability as Capability] } : { modelId, suiteId: suite.id };
    const checked = validate(startDiscoverySchema, input);
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    start.mutate(checked.data);
  }

  if (start.data && chosen) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Discovery started" data-testid="suite-run-started">
          {suite.name} is running against {chosen.name}.{" "}
          <Link href={`/models/${encodeURIComponent(chosen.id)}?run=${encodeURIComponent(start.data.runId)}`} className="font-medium underline" data-testid="suite-run-link">
            Follow its progress on the model page →
          </Link>
        </Alert>
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    );
  }

  const topMessage = formLevelMessage(start.error, ["modelId"]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="run-suite-form">
      <p className="text-sm text-neutral-600">
        Probes the model with the {suite.items} item{suite.items === 1 ? "" : "s"} of “{suite.name}”{" "}
        {suite.builtin
          ? `and updates its ${humanize(suite.capability)} score from the result.`
          : `and shows the result with the run; the ${humanize(suite.capability)} score is left as it is (only the built-in suites measure it).`}
      </p>
      {topMessage && (
        <Alert tone="error" title="Discovery did not start" data-testid="run-suite-error">
          {topMessage}
        </Alert>
      )}
      {models.isError && <Alert tone="error">Could not load the models: {models.error.message}</Alert>}
      <SelectField
        id="run-suite-model"
        label="Model"
        value={modelId}
        onChange={(e) => {
          setModelId(e.target.value);
          setClientErrors({});
        }}
        disabled={models.isPending}
        options={[
          { value: "", label: models.isPending ? "Loading models…" : "Choose a model" },
          ...sorted.map((m) => ({ value: m.id, label: `${m.name}${m.isSimulated ? " (simulated)" : ""}${m.enabled ? "" : " — disabled"}` })),
        ]}
        errors={errors.modelId}
      />
      <div className="flex justify-end gap-2 border-t border-neutral-100 pt-4">
        <Button variant="secondary" onClick={onClose} disabled={start.isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={start.isPending} disabled={suite.items === 0}>
          Start discovery
        </Button>
      </div>
    </form>
  );
}

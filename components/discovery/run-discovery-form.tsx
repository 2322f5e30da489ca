"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { startDiscoverySchema } from "@/server/api/schemas/discovery";
import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { humanize } from "@/components/shared/format";
import { Alert, Button, SelectField } from "@/components/ui";
import { CapabilityPicker } from "./capability-picker";

/** Admins start a run: all twelve capabilities by default, a subset, or one of the operators' own suites. */
export function RunDiscoveryForm({ modelId, busy, onStarted }: { modelId: string; busy: boolean; onStarted: (runId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const suites = useQuery(trpc.discovery.suites.queryOptions());
  const [capabilities, setCapabilities] = useState<Set<Capability>>(() => new Set(CAPABILITIES));
  const [suiteId, setSuiteId] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const start = useMutation(
    trpc.discovery.start.mutationOptions({
      onSuccess: async ({ runId }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.discovery.runs.queryKey({ modelId }) });
        onStarted(runId);
      },
    }),
  );
  const custom = (suites.data ?? []).filter((s) => !s.builtin);
  const suite = custom.find((s) => s.id === suiteId);
  const errors = { ...fieldErrorsOf(start.error), ...clientErrors };
  const topMessage = formLevelMessage(start.error, ["capabilities", "suiteId"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    start.reset();
    if (!suiteId && capabilities.size === 0) return setClientErrors({ capabilities: ["choose at least one capability"] });
    const all = capabilities.size === CAPABILITIES.length;
    const checked = validate(startDiscoverySchema, {
      modelId,
      capabilities: suiteId || all ? undefined : CAPABILITIES.filter((c) => capabilities.has(c)),
      suiteId: suiteId || undefined,
    });
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    start.mutate(checked.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="run-discovery-form">
      {topMessage && (
        <Alert tone="error" title="Discovery did not start" data-testid="run-discovery-error">
          {topMessage}
        </Alert>
      )}
      <div className="grid items-start gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
        <div>
          <p className="mb-1 text-xs font-medium text-neutral-700" id="discovery-capabilities-label">
            Capabilities
          </p>
          {suite ? (
            <p className="flex h-9 items-center rounded-md bg-neutral-50 px-3 text-sm text-neutral-600 ring-1 ring-neutral-200 ring-inset">
              {humanize(suite.capability)} (the suite&apos;s capability)
            </p>
          ) : (
            <CapabilityPicker
              id="discovery-capabilities"
              selected={capabilities}
              onChange={(next) => {
                setCapabilities(next);
                setClientErrors({});
              }}
              errors={errors.capabilities}
            />
          )}
        </div>
        <SelectField
          id="discovery-suite"
          label="Suite"
          value={suiteId}
          onChange={(e) => {
            setSuiteId(e.target.value);
            setClientErrors({});
          }}
          options={[
            { value: "", label: "Built-in suites (one per capability)" },
            ...custom.map((s) => ({ value: s.id, label: `${s.name} · ${s.capability} · ${s.items} item${s.items === 1 ? "" : "s"}` })),
          ]}
          hint={suites.isError ? "Your own suites could not be loaded." : custom.length === 0 ? "Add your own suites on the Capabilities page." : undefined}
          errors={errors.suiteId}
        />
        <div className="md:pt-5">
          <Button type="submit" pending={start.isPending} disabled={busy || (suite !== undefined && suite.items === 0)} data-testid="run-discovery" className="w-full md:w-auto">
            Run discovery
          </Button>
        </div>
      </div>
      {busy && <p className="text-xs text-neutral-500">A run is in progress for this model; start another when it ends or after cancelling it.</p>}
      {suite?.items === 0 && <p className="text-xs text-amber-700">This suite has no items yet: add some on the Capabilities page.</p>}
    </form>
  );
}

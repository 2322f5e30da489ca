"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { formatUsd } from "@/components/shared/format";
import { useCan } from "@/components/shared/viewer";
import { Alert, Button, EmptyState, SelectField, Table, TBody, Td, TextField, Th, THead, Tr } from "@/components/ui";
import { shadowSettingsSchema } from "@/server/api/schemas/lab";

/**
 * Shadow evaluation: a sampled share of completed live tasks is re-asked of a second model in the background and
 * graded by agreement; each call is an outcome row of the "Ensemble history" data set. Operators set the share.
 */
export function LabShadow() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCan("operator");
  const settings = useQuery(trpc.lab.shadow.settings.queryOptions());
  const stats = useQuery(trpc.lab.shadow.stats.queryOptions());
  const models = useQuery(trpc.models.list.queryOptions());
  const [fraction, setFraction] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const update = useMutation(
    trpc.lab.shadow.update.mutationOptions({
      onSuccess: async () => {
        setFraction(null);
        setModel(null);
        await queryClient.invalidateQueries({ queryKey: trpc.lab.shadow.settings.queryKey() });
      },
    }),
  );
  const shownFraction = fraction ?? String(settings.data?.fraction ?? 0);
  const shownModel = model ?? settings.data?.shadowModelId ?? "";

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = shadowSettingsSchema.safeParse({ fraction: Number(shownFraction), shadowModelId: shownModel || null });
    if (!parsed.success || shownFraction.trim() === "") return setProblem(parsed.success ? "fraction: enter a number from 0 to 1" : (parsed.error.issues[0]?.message ?? "invalid"));
    setProblem(null);
    update.mutate(parsed.data);
  }

  const message = problem ?? update.error?.message ?? null;
  return (
    <div className="space-y-4" data-testid="lab-shadow">
      {canEdit ? (
        <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
          <TextField id="shadow-fraction" label="Share of tasks (0–1)" inputMode="decimal" value={shownFraction} onChange={(e) => setFraction(e.target.value)} />
          <SelectField
            id="shadow-model"
            label="Shadow model"
            value={shownModel}
            onChange={(e) => setModel(e.target.value)}
            options={[{ value: "", label: "— none —" }, ...(models.data ?? []).map((m) => ({ value: m.id, label: m.name }))]}
          />
          <Button type="submit" disabled={update.isPending}>
            Save
          </Button>
        </form>
      ) : (
        <p className="text-sm text-neutral-600">
          Shadowing {settings.data && settings.data.fraction > 0 ? `${Math.round(settings.data.fraction * 100)}% of tasks into ${settings.data.shadowModelId}` : "is off"}.
        </p>
      )}
      {message && (
        <Alert tone="error" data-testid="lab-shadow-error">
          {message}
        </Alert>
      )}
      {update.isSuccess && <Alert tone="success">Saved. New completed tasks are sampled from now on.</Alert>}
      {stats.data?.byModel.length ? (
        <Table data-testid="lab-shadow-stats">
          <THead>
            <Tr>
              <Th>Shadow model</Th>
              <Th className="text-right">Calls</Th>
              <Th className="text-right">Answered</Th>
              <Th className="text-right">Agreement</Th>
              <Th className="text-right">Cost (not billed to tasks)</Th>
            </Tr>
          </THead>
          <TBody>
            {stats.data.byModel.map((s) => (
              <Tr key={s.model}>
                <Td>{s.model}</Td>
                <Td className="text-right tabular-nums">{s.calls}</Td>
                <Td className="text-right tabular-nums">{s.completed}</Td>
                <Td className="text-right tabular-nums">{s.agreement === null ? "–" : `${(s.agreement * 100).toFixed(1)}%`}</Td>
                <Td className="text-right tabular-nums">{formatUsd(s.costUsd)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState title="No shadow calls yet" hint="Set a share above 0 and a shadow model; completed tasks are then sampled in the background." data-testid="lab-shadow-empty" />
      )}
    </div>
  );
}

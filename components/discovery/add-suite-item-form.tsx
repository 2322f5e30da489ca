"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Capability } from "@/server/orchestrator/spec";
import { useTRPC } from "@/components/providers/trpc";
import { errorsFor, formLevelMessage, type FieldErrors } from "@/components/shared/errors";
import { Alert, Button, SelectField, TextareaField, TextField } from "@/components/ui";
import { GraderFields } from "./grader-fields";
import { checkDraft, COMMON_FIELDS, EMPTY_DRAFT, GRADER_HELP, GRADER_KINDS, serverItemErrors, SHOWN_FIELDS, type GraderKindId, type SuiteItemDraft } from "./suite-item-draft";

/**
 * Adds one item to an operator's suite. The fields follow the grader kind; the draft is checked with the
 * server's own schema and gradability rules before it is sent, and the server's errors land on the same fields.
 */
export function AddSuiteItemForm({ suiteId, capability }: { suiteId: string; capability: Capability }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SuiteItemDraft>(EMPTY_DRAFT);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(
    trpc.discovery.addItem.mutationOptions({
      onSuccess: async ({ id }) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.discovery.suite.queryKey({ id: suiteId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.discovery.suites.queryKey() }),
        ]);
        // keep the kind and its settings for the next item of the same sort; clear what is item-specific
        setDraft((d) => ({ ...d, id: "", prompt: "", expected: "" }));
        setAdded(id);
      },
    }),
  );
  const errors = { ...serverItemErrors(add.error), ...clientErrors };
  const change = (patch: Partial<SuiteItemDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setClientErrors({});
    setAdded(null);
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.reset();
    const checked = checkDraft(draft, suiteId, capability);
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    add.mutate(checked.data);
  }

  const topMessage = add.error
    ? formLevelMessage({ message: add.error.message, data: { fieldErrors: serverItemErrors(add.error) } }, [...COMMON_FIELDS, ...SHOWN_FIELDS[draft.kind]])
    : null;
  const unshownClient = Object.keys(clientErrors).filter((k) => ![...COMMON_FIELDS, ...SHOWN_FIELDS[draft.kind]].some((f) => k === f || k.startsWith(`${f}.`)));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="add-suite-item">
      {(topMessage || unshownClient.length > 0) && (
        <Alert tone="error" title="The item was not added" data-testid="add-suite-item-error">
          {topMessage ?? unshownClient.map((k) => `${k}: ${clientErrors[k]!.join("; ")}`).join(" · ")}
        </Alert>
      )}
      {added && (
        <Alert tone="success" data-testid="add-suite-item-success">
          Added <span className="font-mono">{added}</span>. Fill in the next one, or close the suite.
        </Alert>
      )}
      <TextareaField
        id="item-prompt"
        label="Prompt"
        rows={3}
        value={draft.prompt}
        onChange={(e) => change({ prompt: e.target.value })}
        placeholder="What the model is asked."
        errors={errorsFor(errors, "item.prompt")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="item-grader"
          label="Grader"
          value={draft.kind}
          onChange={(e) => change({ kind: e.target.value as GraderKindId })}
          options={GRADER_KINDS.map((k) => ({ value: k, label: k }))}
          hint={GRADER_HELP[draft.kind]}
          errors={errorsFor(errors, "item.grader.kind")}
        />
        <TextField
          id="item-id"
          label="Item id (optional)"
          value={draft.id}
          onChange={(e) => change({ id: e.target.value })}
          placeholder="generated when blank"
          className="font-mono"
          errors={errorsFor(errors, "item.id")}
        />
      </div>
      <GraderFields draft={draft} change={change} errors={errors} />
      <div className="flex justify-end border-t border-neutral-100 pt-4">
        <Button type="submit" pending={add.isPending}>
          Add item
        </Button>
      </div>
    </form>
  );
}

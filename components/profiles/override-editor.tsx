"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { setManualSchema } from "@/server/api/schemas/profiles";
import type { Capability } from "@/server/orchestrator/spec";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { humanize } from "@/components/shared/format";
import { Button, controlClasses, describedBy, FieldError } from "@/components/ui";
import { useProfileInvalidation } from "./use-profile-invalidation";

/** An inline 0..1 input that sets a hand-made score for one capability (admins). */
export function OverrideEditor({
  modelId,
  capability,
  initial,
  onDone,
}: {
  modelId: string;
  capability: Capability;
  initial: number;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useProfileInvalidation();
  const [text, setText] = useState(initial.toFixed(2));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const setManual = useMutation(
    trpc.profiles.setManual.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onDone();
      },
    }),
  );
  const errors = { ...fieldErrorsOf(setManual.error), ...clientErrors };
  const id = `override-${capability}`;
  const topMessage = formLevelMessage(setManual.error, ["score"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setManual.reset();
    const checked = validate(setManualSchema, { modelId, capability, score: text.trim() === "" ? Number.NaN : Number(text) });
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    setManual.mutate(checked.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col items-end gap-1" data-testid="override-form">
      <div className="flex items-center gap-1.5">
        <label htmlFor={id} className="sr-only">
          Manual {humanize(capability)} score, 0 to 1
        </label>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          max={1}
          step={0.01}
          autoFocus
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setClientErrors({});
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") onDone();
          }}
          className={controlClasses(Boolean(errors.score?.length), "h-8 w-20 px-2 text-right tabular-nums")}
          {...describedBy(id, undefined, errors.score)}
        />
        <Button type="submit" size="sm" pending={setManual.isPending}>
          Save
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone} disabled={setManual.isPending}>
          Cancel
        </Button>
      </div>
      <FieldError id={`${id}-error`} messages={errors.score} className="mt-0" />
      {topMessage && <p className="max-w-[16rem] text-right text-xs text-rose-600">{topMessage}</p>}
    </form>
  );
}

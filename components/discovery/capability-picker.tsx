"use client";

import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";
import { humanize } from "@/components/shared/format";
import { Button, CheckboxField, cx, FieldError } from "@/components/ui";

export function pickerSummary(selected: ReadonlySet<Capability>): string {
  if (selected.size === CAPABILITIES.length) return `All ${CAPABILITIES.length} capabilities`;
  if (selected.size === 0) return "No capability chosen";
  const names = CAPABILITIES.filter((c) => selected.has(c)).map(humanize);
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
}

/** A disclosure with one checkbox per capability, plus all / none. */
export function CapabilityPicker({
  id,
  selected,
  onChange,
  disabled = false,
  errors,
}: {
  id: string;
  selected: ReadonlySet<Capability>;
  onChange: (next: Set<Capability>) => void;
  disabled?: boolean;
  errors?: readonly string[];
}) {
  const toggle = (c: Capability, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(c);
    else next.delete(c);
    onChange(next);
  };
  return (
    <div>
      <details
        onKeyDown={(e) => {
          // a disclosure that looks like a select should close like one
          if (e.key !== "Escape" || !e.currentTarget.open) return;
          e.currentTarget.open = false;
          e.currentTarget.querySelector("summary")?.focus();
        }}
        className={cx("group rounded-md bg-white ring-1 ring-neutral-300 ring-inset", Boolean(errors?.length) && "ring-rose-400", disabled && "opacity-60")} data-testid="capability-picker">
        <summary
          id={id}
          className={cx("flex h-9 cursor-pointer list-none items-center justify-between gap-2 px-3 text-sm text-neutral-900", disabled && "pointer-events-none")}
          aria-disabled={disabled || undefined}
        >
          <span className="truncate">{pickerSummary(selected)}</span>
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-neutral-400 transition-transform group-open:rotate-180" aria-hidden>
            <path d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" />
          </svg>
        </summary>
        <div className="border-t border-neutral-100 px-3 py-3">
          <div className="mb-2 flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => onChange(new Set(CAPABILITIES))} disabled={disabled}>
              All
            </Button>
            <Button size="sm" variant="secondary" onClick={() => onChange(new Set())} disabled={disabled}>
              None
            </Button>
          </div>
          <div className="grid grid-cols-2 gap-x-4 gap-y-1.5 sm:grid-cols-3">
            {CAPABILITIES.map((c) => (
              <CheckboxField key={c} id={`${id}-${c}`} label={humanize(c)} checked={selected.has(c)} disabled={disabled} onChange={(e) => toggle(c, e.target.checked)} />
            ))}
          </div>
        </div>
      </details>
      <FieldError messages={errors} />
    </div>
  );
}

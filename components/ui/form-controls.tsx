import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cx } from "./cx";
import { FieldError } from "./field-error";

const CONTROL =
  "block w-full rounded-md border-0 bg-white px-3 py-1.5 text-sm text-neutral-900 shadow-xs ring-1 ring-inset ring-neutral-300 " +
  "placeholder:text-neutral-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 focus:outline-none " +
  "disabled:cursor-not-allowed disabled:bg-neutral-50 disabled:text-neutral-500";
const INVALID = "ring-rose-400 focus:ring-rose-500";

export function controlClasses(invalid = false, className?: string): string {
  return cx(CONTROL, invalid && INVALID, className);
}

export function Label({ htmlFor, children, className }: { htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <label htmlFor={htmlFor} className={cx("block text-xs font-medium text-neutral-700", className)}>
      {children}
    </label>
  );
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
  children: ReactNode;
}

/** Label, control, hint and the field's errors, in that order. */
export function FieldShell({ id, label, hint, errors, className, children }: FieldShellProps) {
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      <div className="mt-1">{children}</div>
      {hint && !errors?.length && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-500">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** aria attributes tying a control to its hint and errors. */
export function describedBy(id: string, hint: ReactNode | undefined, errors: readonly string[] | undefined) {
  const invalid = Boolean(errors?.length);
  const ids = [invalid ? `${id}-error` : hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": ids || undefined };
}

type Common = { id: string; label: ReactNode; hint?: ReactNode; errors?: readonly string[]; wrapperClassName?: string };

export function TextField({ id, label, hint, errors, wrapperClassName, className, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} className={wrapperClassName}>
      <input id={id} className={controlClasses(Boolean(errors?.length), className)} {...describedBy(id, hint, errors)} {...rest} />
    </FieldShell>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  errors,
  wrapperClassName,
  className,
  ...rest
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} className={wrapperClassName}>
      <textarea id={id} className={controlClasses(Boolean(errors?.length), className)} {...describedBy(id, hint, errors)} {...rest} />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  wrapperClassName,
  className,
  options,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[] }) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} className={wrapperClassName}>
      <select id={id} className={controlClasses(Boolean(errors?.length), cx("pr-8", className))} {...describedBy(id, hint, errors)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A checkbox with its label on the right. */
export function CheckboxField({
  id,
  label,
  hint,
  className,
  ...rest
}: { id: string; label: ReactNode; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <div className={cx("flex items-start gap-2", className)}>
      <input id={id} type="checkbox" className="mt-0.5 size-4 rounded border-neutral-300 text-indigo-600 focus:ring-indigo-600" {...rest} />
      <div>
        <label htmlFor={id} className="text-sm text-neutral-800">
          {label}
        </label>
        {hint && <p className="text-xs text-neutral-500">{hint}</p>}
      </div>
    </div>
  );
}

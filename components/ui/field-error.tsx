import { cx } from "./cx";

/** The messages for one field, under it. `id` lets the input point at it with aria-describedby. */
export function FieldError({ id, messages, className }: { id?: string; messages?: readonly string[]; className?: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} data-testid="field-error" className={cx("mt-1 text-xs text-rose-600", className)}>
      {messages.join("; ")}
    </p>
  );
}

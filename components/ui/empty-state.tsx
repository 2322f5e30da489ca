import type { ReactNode } from "react";
import { cx } from "./cx";

/** What is missing, and a hint (or a button) for what to do about it. */
export function EmptyState({
  title,
  hint,
  action,
  className,
  ...rest
}: {
  title: ReactNode;
  hint?: ReactNode;
  action?: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <div
      className={cx("flex flex-col items-center justify-center rounded-lg border border-dashed border-neutral-300 px-6 py-10 text-center", className)}
      {...rest}
    >
      <p className="text-sm font-medium text-neutral-800">{title}</p>
      {hint && <p className="mt-1 max-w-md text-sm text-neutral-500">{hint}</p>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}

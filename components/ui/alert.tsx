import type { ReactNode } from "react";
import { cx } from "./cx";

export type AlertTone = "error" | "warning" | "info" | "success";

const TONE: Record<AlertTone, string> = {
  error: "border-rose-200 bg-rose-50 text-rose-800",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  info: "border-indigo-200 bg-indigo-50 text-indigo-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
};

/** A coloured panel for a message. Not role="alert": Next's route announcer already takes that role. */
export function Alert({
  tone = "error",
  title,
  children,
  className,
  ...rest
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <div aria-live="polite" className={cx("rounded-lg border px-4 py-3 text-sm", TONE[tone], className)} {...rest}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={cx(title ? "mt-1" : undefined, "break-words")}>{children}</div>}
    </div>
  );
}

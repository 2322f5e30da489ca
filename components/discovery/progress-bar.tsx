import { cx } from "@/components/ui";

/** A labelled progress bar for a 0..1 fraction. */
export function ProgressBar({ fraction, label, className, tone = "indigo" }: { fraction: number; label: string; className?: string; tone?: "indigo" | "emerald" | "rose" | "amber" }) {
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
  const fill = { indigo: "bg-indigo-500", emerald: "bg-emerald-500", rose: "bg-rose-500", amber: "bg-amber-500" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className={cx("h-2.5 w-full overflow-hidden rounded-full bg-neutral-200", className)}
    >
      <div className={cx("h-full rounded-full transition-[width] duration-300", fill)} style={{ width: `${pct}%` }} />
    </div>
  );
}

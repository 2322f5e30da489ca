import { cx } from "./cx";

/** A thin horizontal bar for a 0..1 value, with an optional interval. */
export function Meter({
  value,
  low,
  high,
  label,
  className,
  barClassName = "bg-indigo-500",
}: {
  value: number;
  low?: number;
  high?: number;
  label: string;
  className?: string;
  barClassName?: string;
}) {
  const pct = (v: number) => `${Math.round(Math.min(1, Math.max(0, v)) * 1000) / 10}%`;
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={Math.round(value * 1000) / 1000}
      className={cx("relative h-1.5 w-full overflow-hidden rounded-full bg-neutral-200", className)}
    >
      {low !== undefined && high !== undefined && (
        <div className="absolute inset-y-0 bg-neutral-300" style={{ left: pct(low), width: pct(high - low) }} />
      )}
      <div className={cx("absolute inset-y-0 left-0 rounded-full", barClassName)} style={{ width: pct(value) }} />
    </div>
  );
}

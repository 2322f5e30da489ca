"use client";

import { METRIC_RANGES, RANGE_SPECS, type MetricRange } from "@/server/api/schemas/metrics";
import { cx } from "@/components/ui";

/** The time range as a segmented control; the choice is kept in the URL by the caller. */
export function RangePicker({ value, onChange }: { value: MetricRange; onChange: (range: MetricRange) => void }) {
  return (
    <div role="group" aria-label="Time range" className="inline-flex rounded-lg bg-neutral-100 p-0.5" data-testid="metrics-range-picker">
      {METRIC_RANGES.map((range) => (
        <button
          key={range}
          type="button"
          aria-pressed={range === value}
          title={RANGE_SPECS[range].label}
          onClick={() => onChange(range)}
          className={cx(
            "rounded-md px-2.5 py-1 text-xs font-medium transition-colors",
            range === value ? "bg-white text-neutral-900 shadow-xs" : "text-neutral-600 hover:text-neutral-900",
          )}
        >
          {range}
        </button>
      ))}
    </div>
  );
}

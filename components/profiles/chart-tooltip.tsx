import type { ReactNode } from "react";

/** The white box recharts tooltips render in, matching the price/quality chart. */
export function ChartTooltipBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-neutral-900">{title}</p>
      <div className="mt-0.5 space-y-0.5 text-neutral-600">{children}</div>
    </div>
  );
}

/** Colours shared by the profile charts and their legends (Tailwind indigo / amber). */
export const CHART_COLORS = {
  band: "#c7d2fe",
  mean: "#4f46e5",
  manual: "#d97706",
  grid: "#e5e5e5",
  tick: "#737373",
} as const;

export function ChartLegend({ showManual = true }: { showManual?: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-neutral-500">
      <span className="flex items-center gap-1.5">
        <span className="inline-block h-2.5 w-5 rounded-sm" style={{ background: CHART_COLORS.band }} aria-hidden /> 90% interval
      </span>
      <span className="flex items-center gap-1.5">
        <span className="inline-block size-2.5 rounded-full" style={{ background: CHART_COLORS.mean }} aria-hidden /> estimate (posterior mean)
      </span>
      {showManual && (
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rotate-45" style={{ background: CHART_COLORS.manual }} aria-hidden /> manual override
        </span>
      )}
    </div>
  );
}

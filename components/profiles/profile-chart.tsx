"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { prepareProfileChart, type ProfileChartDatum, type ProfileRow } from "@/components/charts/prepare-profile-rows";
import { humanize } from "@/components/shared/format";
import { CHART_COLORS, ChartLegend, ChartTooltipBox } from "./chart-tooltip";

function ProfileTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: ProfileChartDatum }> }) {
  const d = active ? payload?.[0]?.payload : undefined;
  if (!d) return null;
  return (
    <ChartTooltipBox title={humanize(d.capability)}>
      <p>
        estimate {d.mean.toFixed(2)} [{d.interval[0].toFixed(2)}, {d.interval[1].toFixed(2)}] · {d.source}
      </p>
      {d.manual !== null && <p className="text-amber-700">manual {d.manual.toFixed(2)}</p>}
    </ChartTooltipBox>
  );
}

/** A diamond for the manual score; nothing where there is none. */
function ManualMark({ cx, cy, value }: { cx?: number; cy?: number; value?: unknown }) {
  if (cx === undefined || cy === undefined || typeof value !== "number") return null;
  return <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={CHART_COLORS.manual} transform={`rotate(45 ${cx} ${cy})`} />;
}

/** Each capability's posterior as its 90% interval (bar) and mean (dot), with manual overrides as diamonds. */
export function ProfileChart({ rows }: { rows: readonly ProfileRow[] }) {
  const data = prepareProfileChart(rows);
  return (
    <figure data-testid="profile-chart" aria-label="Capability profile: estimates with 90% intervals">
      <div className="h-[22rem] w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart layout="vertical" data={data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} barCategoryGap={6}>
            <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={{ fontSize: 11, fill: CHART_COLORS.tick }} />
            <YAxis type="category" dataKey="capability" width={104} tickFormatter={(c: string) => humanize(c)} tick={{ fontSize: 11, fill: CHART_COLORS.tick }} />
            <Tooltip content={<ProfileTooltip />} cursor={{ fill: "#f5f5f5" }} />
            <Bar dataKey="interval" fill={CHART_COLORS.band} barSize={12} radius={6} isAnimationActive={false} />
            <Line dataKey="mean" stroke="none" dot={{ r: 4, fill: CHART_COLORS.mean, stroke: "#fff", strokeWidth: 1 }} activeDot={false} isAnimationActive={false} />
            <Line dataKey="manual" stroke="none" dot={<ManualMark />} activeDot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2">
        <ChartLegend showManual={data.some((d) => d.manual !== null)} />
        <span className="sr-only">
          {data
            .map((d) => `${d.capability}: ${d.mean.toFixed(2)} (${d.interval[0].toFixed(2)} to ${d.interval[1].toFixed(2)})${d.manual !== null ? `, manual ${d.manual.toFixed(2)}` : ""}`)
            .join("; ")}
        </span>
      </figcaption>
    </figure>
  );
}

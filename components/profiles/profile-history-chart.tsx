"use client";

import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { historyTickFormat, type ProfileHistoryPoint, type ProfileHistorySeries } from "@/components/charts/prepare-profile-history";
import { formatDateTime, humanize } from "@/components/shared/format";
import { CHART_COLORS, ChartLegend, ChartTooltipBox } from "./chart-tooltip";

function HistoryTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: ProfileHistoryPoint }> }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <ChartTooltipBox title={p.current ? `Now (${formatDateTime(p.at)})` : formatDateTime(p.at)}>
      {p.mean !== null && <p>estimate {p.mean.toFixed(2)}</p>}
      {p.manual !== null && <p className="text-amber-700">manual {p.manual.toFixed(2)}</p>}
      <p>
        90% interval [{p.band[0].toFixed(2)}, {p.band[1].toFixed(2)}]
      </p>
      <p className="text-neutral-500">{p.current ? "current profile" : `recorded: ${p.source}`}</p>
    </ChartTooltipBox>
  );
}

/** One capability's score over time: the estimate as a step line, its 90% interval as a band, overrides dashed. */
export function ProfileHistoryChart({ series, domain }: { series: ProfileHistorySeries; domain: [number, number] }) {
  const tick = historyTickFormat(domain);
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  return (
    <figure data-testid="profile-history-chart" data-capability={series.capability} data-points={series.points.length} aria-label={`${humanize(series.capability)} score over time`}>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={series.points} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="at"
              scale="time"
              domain={domain[0] === domain[1] ? [domain[0] - 60_000, domain[1] + 60_000] : domain}
              tickFormatter={tick}
              tick={{ fontSize: 11, fill: CHART_COLORS.tick }}
              minTickGap={24}
            />
            <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fontSize: 11, fill: CHART_COLORS.tick }} width={36} />
            <Tooltip content={<HistoryTooltip />} />
            <Area dataKey="band" type="stepAfter" stroke="none" fill={CHART_COLORS.band} fillOpacity={0.7} isAnimationActive={false} activeDot={false} />
            <Line dataKey="mean" type="stepAfter" stroke={CHART_COLORS.mean} strokeWidth={2} dot={{ r: 2.5, fill: CHART_COLORS.mean }} isAnimationActive={false} />
            <Line
              dataKey="manual"
              type="stepAfter"
              stroke={CHART_COLORS.manual}
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={{ r: 2.5, fill: CHART_COLORS.manual }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2">
        <ChartLegend showManual={series.hasManual} />
        <span className="sr-only">
          {humanize(series.capability)}: {series.changes} recorded changes
          {first && last ? `, from ${(first.manual ?? first.mean ?? 0).toFixed(2)} to ${(last.manual ?? last.mean ?? 0).toFixed(2)}` : ""}.
        </span>
      </figcaption>
    </figure>
  );
}

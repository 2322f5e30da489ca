"use client";

import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";
import type { SeriesPoint } from "@/components/charts/prepare-metrics-series";

/** A tiny trend line without axes; gaps stay gaps. Decoration beside the figure it trends, so hidden from assistive tech and out of the tab order. */
export function Sparkline({ points, color = "#6366f1" }: { points: readonly SeriesPoint[]; color?: string }) {
  if (points.length === 0) return <div className="h-10" aria-hidden="true" />;
  return (
    <div className="h-10 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 4, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
          <YAxis hide domain={[0, "auto"]} />
          <Line type="monotone" dataKey="v" stroke={color} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

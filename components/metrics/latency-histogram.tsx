"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistogramBar } from "@/components/charts/prepare-metrics-model";

export function LatencyHistogram({ bars }: { bars: readonly HistogramBar[] }) {
  return (
    <figure className="h-56 w-full" data-testid="latency-histogram" aria-label="Latency histogram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...bars]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e5e5" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => [v, "calls"]} labelFormatter={(l) => `from ${String(l)}`} />
          <Bar dataKey="count" fill="#6366f1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

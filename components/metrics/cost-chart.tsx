"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketTickFormat } from "@/components/charts/prepare-metrics-series";
import { formatUsd, formatUsdCompact } from "@/components/shared/format";

export function CostChart({ points, bucketMs, spanMs }: { points: readonly { t: number; cost: number; cumulative: number }[]; bucketMs: number; spanMs: number }) {
  const tick = bucketTickFormat(bucketMs, spanMs);
  return (
    <figure className="h-56 w-full" data-testid="cost-chart" aria-label="Cost over time">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e5e5" />
          <XAxis dataKey="t" tickFormatter={tick} minTickGap={24} tick={{ fontSize: 11 }} />
          <YAxis width={64} tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatUsdCompact(v)} />
          <Tooltip labelFormatter={(t) => tick(Number(t))} formatter={(v) => formatUsd(Number(v))} />
          <Area type="stepAfter" dataKey="cumulative" name="cumulative" stroke="#10b981" fill="#d1fae5" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}

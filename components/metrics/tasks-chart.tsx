"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketTickFormat } from "@/components/charts/prepare-metrics-series";

export interface TaskBarLike {
  t: number;
  completed: number;
  failed: number;
  tasks: number;
}

/** Tasks finished per bucket, completed and failed stacked, cancelled on top. */
export function TasksChart({ buckets, bucketMs, spanMs }: { buckets: readonly TaskBarLike[]; bucketMs: number; spanMs: number }) {
  const tick = bucketTickFormat(bucketMs, spanMs);
  const data = buckets.map((b) => ({ t: b.t, completed: b.completed, failed: b.failed, cancelled: Math.max(0, b.tasks - b.completed - b.failed) }));
  return (
    <figure className="h-64 w-full" data-testid="metrics-tasks-chart" data-buckets={buckets.length} aria-label="Tasks per time bucket">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e5e5" />
          <XAxis dataKey="t" tickFormatter={tick} minTickGap={24} tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11 }} />
          <Tooltip labelFormatter={(t) => tick(Number(t))} />
          <Bar dataKey="completed" stackId="a" fill="#10b981" isAnimationActive={false} />
          <Bar dataKey="failed" stackId="a" fill="#f43f5e" isAnimationActive={false} />
          <Bar dataKey="cancelled" stackId="a" fill="#a3a3a3" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { prepareLabScatter, type LabPoint } from "@/components/charts/prepare-lab-scatter";
import type { LabReportView } from "./types";

const COLOR: Record<string, string> = { ensemble: "#4f46e5", chain: "#0891b2", single: "#737373", baseline: "#d97706", reference: "#16a34a" };
const usd = (v: number) => (v >= 0.01 ? `$${v.toFixed(2)}` : `$${v.toPrecision(1)}`);

function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: LabPoint }> }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-neutral-900">{p.name}</p>
      <p className="text-neutral-600">
        {p.accuracy.toFixed(1)}% · {usd(p.cost)} per item
      </p>
    </div>
  );
}

/** Accuracy against cost per item (log), one point per policy, with the Pareto frontier and the zero-router hull. */
export function LabChart({ report }: { report: LabReportView }) {
  const { points, frontier, hull } = prepareLabScatter(report.policies, report.zeroRouterHull);
  const kinds = [...new Set(points.map((p) => p.kind))];
  return (
    <figure data-testid="lab-chart" aria-label="Policies by cost per item and accuracy">
      <div className="h-96 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 16, right: 32, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e5e5e5" strokeDasharray="3 3" />
            <XAxis type="number" dataKey="cost" scale="log" domain={["auto", "auto"]} tickFormatter={usd} tick={{ fontSize: 11, fill: "#737373" }} allowDuplicatedCategory={false} />
            <YAxis type="number" dataKey="accuracy" domain={[0, 100]} unit="%" tick={{ fontSize: 11, fill: "#737373" }} width={44} />
            <Tooltip content={<PointTooltip />} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Line data={hull} dataKey="accuracy" name="zero router (hull of single models)" stroke="#16a34a" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
            <Line data={frontier} dataKey="accuracy" name="Pareto frontier" stroke="#4f46e5" dot={false} isAnimationActive={false} />
            {kinds.map((k) => (
              <Scatter key={k} name={k} data={points.filter((p) => p.kind === k)} fill={COLOR[k] ?? "#404040"} isAnimationActive={false} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{points.map((p) => `${p.name}: ${p.accuracy}% at ${usd(p.cost)} per item`).join("; ")}</figcaption>
    </figure>
  );
}

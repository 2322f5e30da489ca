"use client";

import { CartesianGrid, ComposedChart, LabelList, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { prepareLabScatter, type LabPoint } from "@/components/charts/prepare-lab-scatter";
import { formatUsdCompact } from "@/components/shared/format";
import type { LabReportView } from "./types";

const COLOR: Record<string, string> = { ensemble: "#4f46e5", chain: "#0891b2", single: "#737373", baseline: "#d97706", reference: "#16a34a" };

/** The name beside a labelled point; points without a label get none (LabelList calls this for every point). */
function PointLabel({ x, y, value }: { x?: number | string; y?: number | string; value?: unknown }) {
  if (typeof value !== "string" || typeof x !== "number" || typeof y !== "number") return null;
  return (
    // no room for names on a phone: the tooltip and the table name every point there
    <text x={x + 8} y={y - 6} fontSize={11} fill="#404040" className="hidden sm:inline">
      {value}
    </text>
  );
}

function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: LabPoint }> }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-neutral-900">{p.name}</p>
      <p className="text-neutral-600">
        {p.accuracy.toFixed(1)}% · {formatUsdCompact(p.cost)} per item
      </p>
    </div>
  );
}

/** Accuracy against cost per item (log), one point per policy, with the Pareto frontier and the zero-router hull. */
export function LabChart({ report }: { report: LabReportView }) {
  const { points, frontier, hull, domain, ticks } = prepareLabScatter(report.policies, report.zeroRouterHull);
  const kinds = [...new Set(points.map((p) => p.kind))];
  return (
    <figure data-testid="lab-chart" aria-label="Policies by cost per item and accuracy">
      <div className="h-96 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 16, right: 32, bottom: 28, left: 8 }}>
            <CartesianGrid stroke="#e5e5e5" strokeDasharray="3 3" />
            <XAxis type="number" dataKey="cost" scale="log" domain={domain} ticks={ticks} tickFormatter={formatUsdCompact} tick={{ fontSize: 11, fill: "#737373" }} allowDuplicatedCategory={false} label={{ value: "cost per item (log scale)", position: "insideBottom", offset: -14, fontSize: 11, fill: "#737373" }} />
            <YAxis type="number" dataKey="accuracy" domain={[0, 100]} unit="%" tick={{ fontSize: 11, fill: "#737373" }} width={44} />
            <Tooltip content={<PointTooltip />} />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: 11, paddingBottom: 8 }} />
            <Line data={hull} dataKey="accuracy" name="zero router (hull of single models)" stroke="#16a34a" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
            <Line data={frontier} dataKey="accuracy" name="Pareto frontier" stroke="#4f46e5" dot={false} isAnimationActive={false} />
            {kinds.map((k) => (
              <Scatter key={k} name={k} data={points.filter((p) => p.kind === k)} fill={COLOR[k] ?? "#404040"} isAnimationActive={false}>
                <LabelList dataKey="label" content={PointLabel} />
              </Scatter>
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{points.map((p) => `${p.name}: ${p.accuracy}% at ${formatUsdCompact(p.cost)} per item`).join("; ")}</figcaption>
    </figure>
  );
}

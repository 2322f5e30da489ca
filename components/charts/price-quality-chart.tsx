"use client";

import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatPrice } from "@/components/shared/format";
import { preparePriceQuality, type PriceQualityPoint, type PricedModelLike } from "./prepare-price-quality";

function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: PriceQualityPoint }> }) {
  const point = active ? payload?.[0]?.payload : undefined;
  if (!point) return null;
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-neutral-900">{point.name}</p>
      <p className="text-neutral-600">
        {formatPrice(point.actualPrice)}/MTok blended · quality {Math.round(point.quality * 100)}
      </p>
      {!point.enabled && <p className="text-neutral-400">disabled</p>}
    </div>
  );
}

/** Each model as a point: blended price (log scale) against its average capability score. */
export function PriceQualityChart({ models }: { models: readonly PricedModelLike[] }) {
  const points = preparePriceQuality(models);
  const enabled = points.filter((p) => p.enabled);
  const disabled = points.filter((p) => !p.enabled);
  return (
    <figure data-testid="price-quality-chart" aria-label="Models by price and average quality">
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 16, right: 32, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e5e5e5" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="price"
              scale="log"
              domain={["auto", "auto"]}
              tickFormatter={(v: number) => formatPrice(v)}
              tick={{ fontSize: 11, fill: "#737373" }}
              label={{ value: "$/MTok (blended, log)", position: "insideBottom", offset: -12, fontSize: 11, fill: "#737373" }}
            />
            <YAxis
              type="number"
              dataKey="quality"
              domain={[0, 1]}
              tickFormatter={(v: number) => String(Math.round(v * 100))}
              tick={{ fontSize: 11, fill: "#737373" }}
              width={36}
            />
            <Tooltip content={<PointTooltip />} cursor={{ strokeDasharray: "3 3" }} />
            <Scatter name="enabled" data={enabled} fill="#4f46e5" isAnimationActive={false}>
              <LabelList dataKey="name" position="top" style={{ fontSize: 11, fill: "#404040" }} />
            </Scatter>
            <Scatter name="disabled" data={disabled} fill="#a3a3a3" isAnimationActive={false}>
              <LabelList dataKey="name" position="top" style={{ fontSize: 11, fill: "#a3a3a3" }} />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {points.map((p) => `${p.name}: ${formatPrice(p.actualPrice)} per million tokens, quality ${Math.round(p.quality * 100)}`).join("; ")}
      </figcaption>
    </figure>
  );
}

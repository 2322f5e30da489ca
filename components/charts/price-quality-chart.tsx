"use client";

import { useState } from "react";
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatPrice } from "@/components/shared/format";
import { chartAxes, placeLabels, preparePriceQuality, type LabelPlacement, type PriceQualityPoint, type PricedModelLike } from "./prepare-price-quality";

const MARGIN = { top: 16, right: 16, bottom: 24, left: 8 };
const Y_AXIS_WIDTH = 36;
const X_AXIS_HEIGHT = 30;
const NAME_COLOR = { enabled: "#404040", disabled: "#a3a3a3" };

function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: PriceQualityPoint }> }) {
  const point = active ? payload?.[0]?.payload : undefined;
  if (!point) return null;
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-neutral-900">{point.name}</p>
      <p className="text-neutral-600">
        {formatPrice(point.actualPrice)}/MTok blended · quality {Math.round(point.quality * 100)}
      </p>
      {!point.enabled && <p className="text-neutral-500">disabled</p>}
    </div>
  );
}

/**
 * A point's name on one line where `placeLabels` put it. recharts' own label wraps to the point's width, which stacked
 * long names one word per line; a plain <text> does not wrap.
 */
function PointName({ x, y, width, height, point, place }: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; point?: PriceQualityPoint; place?: LabelPlacement }) {
  if (!point || !place || typeof x !== "number" || typeof y !== "number") return null;
  const cx = x + (typeof width === "number" ? width / 2 : 0);
  const cy = y + (typeof height === "number" ? height / 2 : 0);
  return (
    <text x={cx + place.dx} y={cy + place.dy} textAnchor={place.anchor} fontSize={11} fill={point.enabled ? NAME_COLOR.enabled : NAME_COLOR.disabled}>
      {point.name}
    </text>
  );
}

const summary = (p: PriceQualityPoint) => `${p.name} (${formatPrice(p.actualPrice)}, ${Math.round(p.quality * 100)})`;

/** Each model as a point: blended price (log scale) against its average capability score. */
export function PriceQualityChart({ models }: { models: readonly PricedModelLike[] }) {
  const points = preparePriceQuality(models);
  const axes = chartAxes(points);
  // names are placed against the drawn size: until the chart has measured itself, none are drawn
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const placed = size
    ? placeLabels(points, axes, {
        width: size.width - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH,
        height: size.height - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT,
        spareRight: MARGIN.right,
        spareTop: MARGIN.top,
      })
    : new Map<string, LabelPlacement>();
  const byId = new Map(points.map((p) => [p.id, p]));
  const unnamed = size ? points.filter((p) => !placed.has(p.id)) : [];
  const nameOf = (props: { value?: unknown }) => {
    const id = typeof props.value === "string" ? props.value : "";
    return { point: byId.get(id), place: placed.get(id) };
  };
  const enabled = points.filter((p) => p.enabled);
  const disabled = points.filter((p) => !p.enabled);
  return (
    <figure data-testid="price-quality-chart" aria-label="Models by price and average quality">
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%" onResize={(width, height) => setSize({ width, height })}>
          <ScatterChart margin={MARGIN}>
            <CartesianGrid stroke="#e5e5e5" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="price"
              scale="log"
              domain={axes.price.domain}
              ticks={axes.price.ticks}
              height={X_AXIS_HEIGHT}
              tickFormatter={(v: number) => formatPrice(v)}
              tick={{ fontSize: 11, fill: "#737373" }}
              label={{ value: "$/MTok (blended, log)", position: "insideBottom", offset: -12, fontSize: 11, fill: "#737373" }}
            />
            <YAxis
              type="number"
              dataKey="quality"
              domain={axes.quality.domain}
              ticks={axes.quality.ticks}
              tickFormatter={(v: number) => String(Math.round(v * 100))}
              tick={{ fontSize: 11, fill: "#737373" }}
              width={Y_AXIS_WIDTH}
            />
            <Tooltip content={<PointTooltip />} cursor={{ strokeDasharray: "3 3" }} />
            <Scatter name="enabled" data={enabled} fill="#4f46e5" isAnimationActive={false}>
              <LabelList dataKey="id" content={(props) => <PointName {...props} {...nameOf(props)} />} />
            </Scatter>
            <Scatter name="disabled" data={disabled} fill="#a3a3a3" isAnimationActive={false}>
              <LabelList dataKey="id" content={(props) => <PointName {...props} {...nameOf(props)} />} />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      {unnamed.length > 0 && (
        <p className="mt-2 text-xs text-neutral-500" data-testid="price-quality-unnamed">
          No room to name on the chart ($/MTok, quality): {unnamed.map(summary).join(" · ")}
        </p>
      )}
      <figcaption className="sr-only">
        {points.map((p) => `${p.name}: ${formatPrice(p.actualPrice)} per million tokens, quality ${Math.round(p.quality * 100)}`).join("; ")}
      </figcaption>
    </figure>
  );
}

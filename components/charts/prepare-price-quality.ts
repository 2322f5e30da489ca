import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";
import type { CapabilityScoreLike } from "./prepare-capability-heat";
import { logAxis, type LogAxis } from "./log-axis";

export interface PricedModelLike {
  id: string;
  name: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  enabled: boolean;
  isSimulated: boolean;
  capabilities: Partial<Record<Capability, CapabilityScoreLike>>;
}

export interface PriceQualityPoint {
  id: string;
  name: string;
  /** blended $/MTok, floored at `minPrice` so a log axis can show free models */
  price: number;
  /** the real blended price, for the tooltip */
  actualPrice: number;
  /** mean of the twelve capability scores (hand-set ones win), 0..1 */
  quality: number;
  enabled: boolean;
  simulated: boolean;
}

/** Output tokens usually dominate a call's cost; weigh them three to one. */
export function blendedPrice(inputUsdPerMTok: number, outputUsdPerMTok: number): number {
  return (inputUsdPerMTok + 3 * outputUsdPerMTok) / 4;
}

export function averageQuality(capabilities: Partial<Record<Capability, CapabilityScoreLike>>): number {
  const scores = CAPABILITIES.map((c) => capabilities[c]).filter((c): c is CapabilityScoreLike => Boolean(c)).map((c) => c.manualScore ?? c.mean);
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
}

/** One point per model for the price / quality scatter, cheapest first. */
export function preparePriceQuality(models: readonly PricedModelLike[], minPrice = 0.01): PriceQualityPoint[] {
  return models
    .map((m) => {
      const actualPrice = blendedPrice(m.inputUsdPerMTok, m.outputUsdPerMTok);
      return {
        id: m.id,
        name: m.name,
        price: Math.max(minPrice, actualPrice),
        actualPrice,
        quality: averageQuality(m.capabilities),
        enabled: m.enabled,
        simulated: m.isSimulated,
      };
    })
    .sort((a, b) => a.actualPrice - b.actualPrice || a.id.localeCompare(b.id));
}

/** Price and quality axes have the same shape: a domain and its ticks. */
export type Axis = LogAxis;

/**
 * The chart's axes. Price: whole decades around every point with round ticks (log-axis.ts). Quality:
 * from a tenth below the weakest model up to 100, so models of similar quality are spread apart (and their names fit)
 * instead of sharing a band of an axis that starts at zero.
 */
export function chartAxes(points: readonly PriceQualityPoint[]): { price: Axis; quality: Axis } {
  const weakest = points.length ? Math.min(...points.map((p) => p.quality)) : 0;
  const from = Math.max(0, Math.floor(weakest * 10 + 1e-9) - 1) / 10;
  const ticks = Array.from({ length: Math.round((1 - from) * 10) + 1 }, (_, i) => Math.round((from + i / 10) * 10) / 10);
  return { price: logAxis(points.map((p) => p.price), "decade", 0.1), quality: { domain: [from, 1], ticks } };
}

/** Where a point's name sits, relative to the point's centre: SVG text offsets and anchor. */
export interface LabelPlacement {
  dx: number;
  dy: number;
  anchor: "start" | "middle" | "end";
}

/** The plot area in pixels, and how far beyond its right and top edges a label may reach (the chart's margins). */
export interface PlotArea {
  width: number;
  height: number;
  spareRight: number;
  spareTop: number;
}

// 11 px text: a conservative average glyph width and the line box, so estimated boxes cover the drawn text
const CHAR_WIDTH = 6.6;
const LINE = 13;
const ASCENT = 10;
/** half the drawn point plus a little air */
const MARKER = 6;
const CLEARANCE = 4;
const ABOVE = -(MARKER + LINE - ASCENT);
const BELOW = MARKER + ASCENT;
const BESIDE = ASCENT - LINE / 2;
/**
 * Above, below, the upper corners, beside, then the lower corners: always touching the point, so no name is read as a
 * neighbour's. A corner name starts (or ends) at the point's centre line, so two close points can carry theirs
 * above-left and above-right.
 */
const CANDIDATES: readonly LabelPlacement[] = [
  { dx: 0, dy: ABOVE, anchor: "middle" },
  { dx: 0, dy: BELOW, anchor: "middle" },
  { dx: -2, dy: ABOVE, anchor: "start" },
  { dx: 2, dy: ABOVE, anchor: "end" },
  { dx: MARKER + 2, dy: BESIDE, anchor: "start" },
  { dx: -(MARKER + 2), dy: BESIDE, anchor: "end" },
  { dx: -2, dy: BELOW, anchor: "start" },
  { dx: 2, dy: BELOW, anchor: "end" },
];

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A point's centre in the plot area: log price across, quality up. */
export function pointPixel(point: Pick<PriceQualityPoint, "price" | "quality">, axes: { price: Pick<Axis, "domain">; quality: Pick<Axis, "domain"> }, plot: Pick<PlotArea, "width" | "height">) {
  const [lo, hi] = axes.price.domain.map(Math.log) as [number, number];
  const [bottom, top] = axes.quality.domain;
  return { x: ((Math.log(point.price) - lo) / (hi - lo)) * plot.width, y: ((top - point.quality) / (top - bottom)) * plot.height };
}

/** The estimated box of a name placed at `place` beside the point at `at`. */
export function labelBox(at: { x: number; y: number }, name: string, place: LabelPlacement): Box {
  const width = name.length * CHAR_WIDTH;
  const x = at.x + place.dx;
  const left = place.anchor === "start" ? x : place.anchor === "end" ? x - width : x - width / 2;
  const baseline = at.y + place.dy;
  return { left, right: left + width, top: baseline - ASCENT, bottom: baseline - ASCENT + LINE };
}

/**
 * Names each point on one line beside it where the name fits: inside the plot (plus its margins), clear of every
 * point and of names already placed. Enabled models choose first, and among them the most crowded. A point whose name fits
 * nowhere gets none (it is missing from the map); the chart lists those below itself, so a crowded phone chart stays
 * readable instead of stacking names on top of each other.
 */
export function placeLabels(points: readonly PriceQualityPoint[], axes: { price: Axis; quality: Axis }, plot: PlotArea): Map<string, LabelPlacement> {
  const at = new Map(points.map((p) => [p.id, pointPixel(p, axes, plot)]));
  // other points keep a wider berth than a name's own point, so a name always sits nearer its own point
  const markers = points.map((p) => {
    const { x, y } = at.get(p.id)!;
    const r = MARKER + CLEARANCE;
    return { id: p.id, box: { left: x - r, right: x + r, top: y - r, bottom: y + r } };
  });
  const names: Box[] = [];
  const inside = (b: Box) => b.left >= 0 && b.right <= plot.width + plot.spareRight && b.top >= -plot.spareTop && b.bottom <= plot.height;
  // a point drawn over this one (same price and quality) cannot be told apart from it anyway: it does not block
  const stacked = (a: string, b: string) => Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y) < MARKER;
  const free = (id: string, b: Box) => !names.some((n) => overlaps(n, b)) && !markers.some((m) => m.id !== id && !stacked(m.id, id) && overlaps(m.box, b));
  const fits = (p: PriceQualityPoint, c: LabelPlacement) => {
    const box = labelBox(at.get(p.id)!, p.name, c);
    return inside(box) && free(p.id, box);
  };
  // the most hemmed-in points choose first, while their few spots are still free
  const options = new Map(points.map((p) => [p.id, CANDIDATES.filter((c) => fits(p, c)).length]));
  const order = [...points].sort(
    (a, b) => Number(b.enabled) - Number(a.enabled) || options.get(a.id)! - options.get(b.id)! || a.price - b.price || a.id.localeCompare(b.id),
  );
  const placed = new Map<string, LabelPlacement>();
  for (const point of order) {
    const place = CANDIDATES.find((c) => fits(point, c));
    if (!place) continue;
    placed.set(point.id, place);
    names.push(labelBox(at.get(point.id)!, point.name, place));
  }
  return placed;
}

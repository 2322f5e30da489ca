const STEPS = [1, 2, 5];
const nice = (step: number, decade: number) => Number((step * 10 ** decade).toPrecision(1)); // 10 ** -5 is 0.000009999…

/** The 1-2-5 values from `lo` to `hi` (inclusive), in order; `steps` picks which of 1, 2, 5 in each decade. */
function niceValues(lo: number, hi: number, steps: readonly number[]): number[] {
  const out: number[] = [];
  for (let d = Math.floor(Math.log10(lo)) - 1; d <= Math.ceil(Math.log10(hi)); d++) for (const s of steps) out.push(nice(s, d));
  return out.filter((v) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9));
}

export interface LogAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * A log axis over positive values (recharts' own log ticks stop early on spans of several decades). Its ends:
 * "decade" — whole decades around the values (prices: $0.1 to $100 per MTok); "1-2-5" — the 1-2-5 values around
 * them with a 10% margin, so a chart does not spend most of a decade on nothing (costs per item). Ticks on every
 * decade in between and on both ends, with 2× and 5× steps on spans short enough for them to fit. `fallback` is
 * where the axis sits when no value is positive.
 */
export function logAxis(values: readonly number[], ends: "decade" | "1-2-5", fallback: number): LogAxis {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return { domain: [fallback, fallback * 10], ticks: [fallback, fallback * 10] };
  const margin = ends === "decade" ? 1 : 1.1;
  const min = Math.min(...positive) / margin;
  const max = Math.max(...positive) * margin;
  const snap = ends === "decade" ? [1] : STEPS;
  const lo = niceValues(min / 10, min, snap).pop() ?? min;
  let hi = niceValues(max, max * 10, snap)[0] ?? max;
  if (hi <= lo) hi = nice(1, Math.round(Math.log10(lo)) + 1);
  const inner = niceValues(lo, hi, Math.log10(hi / lo) <= 2 ? STEPS : [1]);
  return { domain: [lo, hi], ticks: [...new Set([lo, ...inner, hi])] };
}

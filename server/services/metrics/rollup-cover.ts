import { GRAIN_MS, type RollupGrain } from "@/db/rollup-layout";

export interface Segment {
  grain: RollupGrain;
  from: number;
  to: number;
}

const COARSER_FIRST: RollupGrain[] = ["day", "hour", "minute"];

/**
 * Splits [from, to) into the fewest rollup rows: whole days from day rows, the partial days' whole hours
 * from hour rows, and (for minute-aligned windows) the rest from minute rows. `finest` is the grain the
 * window is aligned to, so the pieces always tile it exactly. Pure, for the whole-range totals.
 */
export function coverOf(from: number, to: number, finest: RollupGrain): Segment[] {
  const grains = COARSER_FIRST.slice(0, COARSER_FIRST.indexOf(finest) + 1);
  const out: Segment[] = [];
  const split = (a: number, b: number, level: number) => {
    if (a >= b) return;
    const grain = grains[level]!;
    if (level === grains.length - 1) {
      out.push({ grain, from: a, to: b });
      return;
    }
    const ms = GRAIN_MS[grain];
    const lo = Math.ceil(a / ms) * ms;
    const hi = Math.floor(b / ms) * ms;
    if (lo >= hi) return split(a, b, level + 1);
    split(a, lo, level + 1);
    out.push({ grain, from: lo, to: hi });
    split(hi, b, level + 1);
  };
  split(from, to, 0);
  return out.sort((x, y) => x.from - y.from);
}

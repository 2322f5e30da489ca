/** Display helpers for explanations: fixed formats, no locale, so summaries are stable in tests and logs. */

export function fmtInt(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Two significant digits for sub-cent amounts ("$0.00042"), cents above. */
export function fmtUsd(n: number): string {
  if (!(n > 0)) return "$0";
  if (n >= 1) return `$${n.toFixed(2)}`;
  const decimals = Math.min(10, Math.max(2, 1 - Math.floor(Math.log10(n))));
  const fixed = n.toFixed(decimals).replace(/0+$/, "").replace(/\.$/, "");
  return `$${fixed}`;
}

export function fmtMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function fmt2(n: number): string {
  return n.toFixed(2);
}

/** "12×", "1.5×" */
export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return "∞×";
  return r >= 10 ? `${Math.round(r)}×` : `${r.toFixed(1).replace(/\.0$/, "")}×`;
}

export function fmtPct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

export function signed(n: number): string {
  return `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(2)}`;
}

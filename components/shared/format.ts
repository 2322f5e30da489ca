/** Display formatting shared by every page. Pure, locale fixed to "en" so server and browser agree. */

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : integer.format(n);
}

export const formatTokens = formatInt;

/** Dollars; sub-cent amounts get 6 decimals so a tiny model call never shows as $0.00. */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || Number.isNaN(usd)) return "–";
  if (usd === 0) return "$0";
  const abs = Math.abs(usd);
  if (abs < 0.000001) return usd < 0 ? "-<$0.000001" : "<$0.000001";
  if (abs < 0.01) return `$${usd.toFixed(6)}`;
  if (abs < 1) return `$${usd.toFixed(4)}`;
  return `$${usd.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A price per million tokens: $0.10, $15, $0.075. */
export function formatPrice(usdPerMTok: number): string {
  if (usdPerMTok === 0) return "$0";
  const digits = usdPerMTok < 1 ? Math.max(2, Math.min(4, 1 - Math.floor(Math.log10(usdPerMTok)))) : 2;
  return `$${usdPerMTok.toLocaleString("en", { minimumFractionDigits: usdPerMTok % 1 === 0 ? 0 : 2, maximumFractionDigits: digits })}`;
}

/** A context window: 8K, 128K, 1M, 1.5M. */
export function formatContext(tokens: number): string {
  if (tokens >= 1_000_000) return `${trim(tokens / 1_000_000)}M`;
  if (tokens >= 1000) return `${trim(tokens / 1000)}K`;
  return String(tokens);
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, "");
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A 0..1 score as a percentage without decimals: 0.874 → "87". */
export function formatScore(score: number): string {
  return String(Math.round(score * 100));
}

export function formatPercent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** The first line of a prompt, shortened for tables. */
export function truncate(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** "2026-11-27 06:08" in the viewer's time zone. */
export function formatDateTime(ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(ms);
}

/** Capability and other ids for display: "summarization" → "Summarization". */
export function humanize(id: string): string {
  const spaced = id.replace(/[-_.]/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A routing component's value by what its name says it measures: $, ms, tokens, or a plain number. */
export function formatComponent(name: string, value: number): string {
  if (/usd/i.test(name)) return formatUsd(value);
  if (/ms$/i.test(name) || /Ms[A-Z0-9]/.test(name)) return formatMs(value);
  if (/contextwindow|tokens/i.test(name)) return formatContext(value);
  if (Math.abs(value) >= 100) return formatInt(value);
  return value.toFixed(2);
}

/** A signed contribution: +0.96, −0.07. */
export function formatSigned(value: number, digits = 2): string {
  const fixed = Math.abs(value).toFixed(digits);
  if (Number(fixed) === 0) return fixed;
  return `${value < 0 ? "−" : "+"}${fixed}`;
}

/** A limit someone typed, shown as typed (3 significant digits), however small: $0.01, $1e-9. */
export function formatUsdLimit(usd: number): string {
  return `$${Number(usd.toPrecision(3))}`;
}

/** Dollars to two significant digits in plain decimals, trailing zeros dropped: chart axes ($0.00001, $0.014, $0.1). */
export function formatUsdCompact(usd: number): string {
  if (!(usd > 0)) return "$0";
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  const digits = Math.min(20, 1 - Math.floor(Math.log10(usd)));
  return `$${usd.toFixed(digits).replace(/\.?0+$/, "")}`;
}

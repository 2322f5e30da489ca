import type { ChainNodeStatus } from "./types";

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

export function formatTokens(n: number | null): string {
  return n === null ? "–" : integer.format(n);
}

/** Dollars with enough digits for sub-cent model calls: $0.0042, $1.27. */
export function formatCost(usd: number | null): string {
  if (usd === null) return "–";
  if (usd === 0) return "$0";
  if (usd < 0.0001) return "<$0.0001";
  if (usd < 0.01) return `$${usd.toPrecision(2)}`;
  return `$${usd.toFixed(usd < 1 ? 3 : 2)}`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return "–";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** The end of a streaming text (what is being written now), on one line. */
export function tail(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `…${flat.slice(flat.length - max + 1)}`;
}

/** The start of a finished text, on one line. */
export function head(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export const STATUS_LABEL: Record<ChainNodeStatus, string> = {
  pending: "pending",
  running: "running",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
  skipped: "not run",
};

/**
 * The step number people read: stored step and plan indexes count from 0, everything on screen counts from 1
 * (as the plan's "1. draft" list does), so "step 1" is the first model call wherever it appears.
 */
export function stepNumber(index: number): number {
  return index + 1;
}

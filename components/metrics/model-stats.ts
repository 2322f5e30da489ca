import { formatInt, formatMs, formatPercent, formatUsd } from "@/components/shared/format";
import type { ModelMetrics } from "./types";

export interface ModelStat {
  label: string;
  /**
   * the value's parts, shown joined by " / ". Each part stays on one line, so a narrow column wraps between
   * "1.72 s" and "4.87 s", never between a number and its unit.
   */
  parts: string[];
}

/** The headline figures of one model's dashboard. */
export function modelStats(totals: ModelMetrics["totals"]): ModelStat[] {
  return [
    { label: "Calls", parts: [formatInt(totals.requests)] },
    { label: "Error rate", parts: [totals.errorRate === null ? "–" : formatPercent(totals.errorRate, 1)] },
    { label: "p50 / p95 / p99", parts: [formatMs(totals.latency.p50), formatMs(totals.latency.p95), formatMs(totals.latency.p99)] },
    { label: "Time to first token (mean / p95)", parts: [formatMs(totals.ttftMs), formatMs(totals.ttft.p95)] },
    { label: "Tokens in / out", parts: [formatInt(totals.inputTokens), formatInt(totals.outputTokens)] },
    { label: "Cost", parts: [formatUsd(totals.costUsd)] },
  ];
}

import { METRIC_RANGES, type MetricRange } from "@/server/api/schemas/metrics";

export const DEFAULT_RANGE: MetricRange = "1h";

/** `?range=` from the URL, falling back to the default for anything unknown. Shared by server pages and the client. */
export function parseRange(value: string | string[] | undefined | null): MetricRange {
  const v = Array.isArray(value) ? value[0] : value;
  return (METRIC_RANGES as readonly string[]).includes(v ?? "") ? (v as MetricRange) : DEFAULT_RANGE;
}

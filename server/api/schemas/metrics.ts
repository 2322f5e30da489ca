import { z } from "zod";
import { METRIC_RANGES, RANGE_SPECS, type MetricRange } from "@/server/services/metrics/ranges";

export { METRIC_RANGES, RANGE_SPECS, type MetricRange };

export const metricRangeSchema = z.enum(METRIC_RANGES);

export const overviewSchema = z.object({ range: metricRangeSchema.default("1h") });

export const modelMetricsSchema = z.object({
  id: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
  range: metricRangeSchema.default("1h"),
});

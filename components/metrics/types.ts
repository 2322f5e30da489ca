import type { RouterOutputs } from "@/components/shared/api-types";

export type MetricsOverview = RouterOutputs["metrics"]["overview"];
export type ModelMetrics = RouterOutputs["metrics"]["model"];
export type StepStatsRow = MetricsOverview["byModel"][number];

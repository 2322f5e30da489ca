import type { RouterOutputs } from "@/components/shared/api-types";

export type LabDatasetRow = RouterOutputs["lab"]["datasets"][number];
export type LabRunView = RouterOutputs["lab"]["get"];
export type LabRunSummaryView = RouterOutputs["lab"]["runs"][number];
export type LabReportView = NonNullable<LabRunView["report"]>;
export type ShadowStatsView = RouterOutputs["lab"]["shadow"]["stats"];

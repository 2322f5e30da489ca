import type { RouterOutputs } from "@/components/shared/api-types";

export type LabDatasetRow = RouterOutputs["lab"]["datasets"][number];
export type LabRunView = RouterOutputs["lab"]["get"];
export type LabReportView = NonNullable<LabRunView["report"]>;

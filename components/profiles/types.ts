import type { RouterOutputs } from "@/components/shared/api-types";

export type ModelDetail = RouterOutputs["models"]["get"];
export type ProfileHistoryRow = RouterOutputs["profiles"]["history"][number];
export type TaskFeedbackRow = RouterOutputs["profiles"]["feedbackOf"][number];

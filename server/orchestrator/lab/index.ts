/** The routing lab: replay routing policies on recorded outcomes, on a held-out split. Pure: data in, report out. */
export { labItemSchema, labModelSchema, labModelsSchema, labOutcomeSchema, type LabDataset, type LabItem, type LabModel, type LabOutcome } from "./types";
export { prepare, callCostUsd, CHARS_PER_TOKEN, type PreparedData, type PreparedItem } from "./prepare";
export { evaluate, evaluateSteps, type LabOptions, type LabProgress, type LabReport, type PolicyKind, type PolicyReport } from "./evaluate";
export { aiq, hullAt, upperHull, type CostPoint } from "./hull";
export { answerKey, answersMatch } from "./agree";
export { splitOf, type LabSplit } from "./split";
export { TARGET_COST_SHARE, type TargetVerdict } from "./target";
export { parseLabFiles, LAB_FILES, type LabFileName, type LabFiles } from "./parse";
export { formatReport } from "./format";

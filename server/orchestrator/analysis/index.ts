/** The local task analyzer: prompt text → TaskRequirements, with the evidence for each decision. */
export { createTaskAnalyzer, type AnalyzeInput, type AnalyzerOptions, type LocalTaskAnalyzer } from "./analyzer";
export { validateRequirements, requirementProblems, WEIGHT_SUM_TOLERANCE } from "./validate";
export { detectFormat, type FormatDecision } from "./format";
export { estimateInputTokens, estimateOutputTokens, MAX_OUTPUT_TOKENS } from "./tokens";
export { analyzeLine, analyzeJsonLine, analyzeJsonLines, type AnalyzeLineInput, type AnalyzeLineOutput, type AnalyzeLineError } from "./jsonl";

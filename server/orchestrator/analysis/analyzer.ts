import { CAPABILITIES, type Capability } from "../spec/capability";
import { InvalidInputError } from "../errors";
import type { TaskAnalyzer } from "../spec/interfaces";
import type { Evidence, TaskConstraints, TaskRequirements } from "../spec/task";
import { learnedEvidence, ruleEvidence, scoreEvidence } from "./evidence";
import { detectFormat } from "./format";
import { loadModel, softmax, scoreLogits, topContributions, type LinearModel } from "./linear-model";
import { RULE_SCALE, TEMPERATURE, WEIGHTS } from "./model.generated";
import { capabilityIndex, preparePrompt } from "./pipeline";
import { estimateInputTokens, estimateOutputTokens } from "./tokens";
import { validateRequirements } from "./validate";

/** What the analyzer reads: the task's prompt and constraints, plus an optional operator hint. */
export interface AnalyzeInput {
  prompt: string;
  constraints?: TaskConstraints;
  /** the operator says what the task is; it becomes the primary capability */
  capabilityHint?: Capability;
}

export interface AnalyzerOptions {
  /** share of the weight an operator hint takes (the rest keeps the text's own distribution); 0.5..1, default 0.6 */
  hintWeight?: number;
  /** rule hits listed in the evidence; default 5 */
  maxRuleEvidence?: number;
  /** learned features listed in the evidence; default 3 */
  maxLearnedEvidence?: number;
  /** weights below this are reported as 0, so routing is not distracted by noise; default 0.005 */
  minWeight?: number;
}

/** The analysis half of the seed's TaskAnalyzer; suggestModelChain lives in routing/. */
export interface LocalTaskAnalyzer extends Pick<TaskAnalyzer, "validateRequirements"> {
  analyze(task: AnalyzeInput): Promise<TaskRequirements>;
  /** the same analysis, synchronous: it is pure CPU work well under a millisecond */
  analyzeSync(task: AnalyzeInput): TaskRequirements;
}

const DEFAULT_MODEL: LinearModel = loadModel(RULE_SCALE, WEIGHTS, TEMPERATURE);

/** Zeroes noise-level weights, rounds, and makes the primary absorb the rounding so the sum is 1. */
function normalizeWeights(probabilities: readonly number[], primaryIndex: number, minWeight: number): Record<Capability, number> {
  const rounded = probabilities.map((p) => (p < minWeight ? 0 : Math.round(p * 10_000) / 10_000));
  let others = 0;
  rounded.forEach((p, i) => {
    if (i !== primaryIndex) others += p;
  });
  rounded[primaryIndex] = 1 - others;
  return Object.fromEntries(CAPABILITIES.map((c, i) => [c, rounded[i] ?? 0])) as Record<Capability, number>;
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}

export function createTaskAnalyzer(options: AnalyzerOptions = {}): LocalTaskAnalyzer {
  const hintWeight = options.hintWeight ?? 0.6;
  const maxRuleEvidence = options.maxRuleEvidence ?? 5;
  const maxLearnedEvidence = options.maxLearnedEvidence ?? 3;
  const minWeight = options.minWeight ?? 0.005;
  const model = DEFAULT_MODEL;

  function analyzeSync(task: AnalyzeInput): TaskRequirements {
    // An empty prompt has no requirements to find; guessing "chat" would hide a client bug.
    if (typeof task.prompt !== "string" || task.prompt.trim() === "") {
      throw new InvalidInputError("prompt", "must not be empty: there is nothing to analyse");
    }
    const prepared = preparePrompt(task.prompt);
    // Calibrated: the temperature makes "confidence 0.8" mean right about 80% of the time (out-of-fold).
    const textProbabilities = softmax(scoreLogits(model, prepared.features, prepared.ruleBoosts).map((l) => l / model.temperature));
    const textPrimary = argmax(textProbabilities);
    const confidence = Math.round((textProbabilities[textPrimary] ?? 0) * 1000) / 1000;

    const evidence: Evidence[] = [];
    let probabilities = textProbabilities;
    let primaryIndex = textPrimary;
    if (task.capabilityHint !== undefined) {
      const hinted = capabilityIndex(task.capabilityHint);
      // Mixing keeps the text's secondary needs visible; a share ≥ 0.5 guarantees the hint is on top.
      const share = Math.max(0.5, Math.min(1, hintWeight));
      probabilities = textProbabilities.map((p, i) => p * (1 - share) + (i === hinted ? share : 0));
      primaryIndex = hinted;
      evidence.push({ feature: "hint", detail: `operator hint → ${task.capabilityHint}`, weight: share });
    }
    const primary = CAPABILITIES[primaryIndex] ?? "chat";

    evidence.push(scoreEvidence(textProbabilities));
    evidence.push(...ruleEvidence(prepared.hits, model.ruleScale, maxRuleEvidence));
    evidence.push(...learnedEvidence(topContributions(model, prepared.features, textPrimary, maxLearnedEvidence), textPrimary));

    const decision = detectFormat(primary, prepared.view.instruction, prepared.signals);
    evidence.push({ feature: "format", detail: `${decision.format}: ${decision.reason}` });

    const inputTokens = estimateInputTokens(prepared.view);
    const output = estimateOutputTokens(primary, decision.format, inputTokens, prepared.view.instruction);
    evidence.push({ feature: "tokens", detail: `~${inputTokens} input + ~${output.tokens} output (${output.reason})`, weight: output.tokens });
    if (prepared.view.truncated) {
      evidence.push({ feature: "truncated", detail: `scanned head and tail of ${prepared.view.totalChars} characters` });
    }

    return {
      capabilities: normalizeWeights(probabilities, primaryIndex, minWeight),
      primary,
      format: decision.format,
      inputTokens,
      contextTokens: inputTokens + output.tokens,
      expectedOutputTokens: output.tokens,
      constraints: { ...task.constraints },
      confidence: task.capabilityHint === undefined ? confidence : Math.max(confidence, 0.9),
      evidence,
    };
  }

  return {
    analyzeSync,
    analyze: async (task) => analyzeSync(task),
    validateRequirements,
  };
}

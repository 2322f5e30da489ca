import type { Capability, GenerateResult } from "../../spec";
import type { GradeResult, SuiteItem } from "../suite-types";
import { brokenResult } from "./ports";

/**
 * The simulator-aware grader. ONLY for simulated models: a simulated model cannot really write code, JSON,
 * a translation or a poem, so for any item it has no answer key for it replies with a template and draws
 * whether that reply "is correct" from its hidden skill. The draw travels in `GenerateResult.simulatedTruth`
 * and is read here and nowhere else. Real providers never set `simulatedTruth`, so real models are always
 * graded by the real graders. Keyed items (the model answers from the key) are graded for real too.
 */
export function gradeBySimulatedTruth(item: SuiteItem, truth: NonNullable<GenerateResult["simulatedTruth"]>): GradeResult {
  if (truth.capability !== item.capability) {
    // the hidden draw used another capability's skill; counting it here would measure the wrong thing
    return brokenResult(
      `simulated reply was drawn for ${truth.capability}, not ${item.capability} (send capabilityHint: "${item.capability}")`,
    );
  }
  return {
    pass: truth.correct,
    score: truth.correct ? 1 : 0,
    detail: `simulated model: hidden truth says ${truth.correct ? "correct" : "incorrect"} (simulated models only)`,
    method: "simulated-truth",
  };
}

/**
 * A keyed item's real grade must agree with the simulator's truth on a reply that finished normally; when
 * it does not, the item's expected answer, its key or the grader is wrong, and the item is reported broken.
 */
export function disagreesWithTruth(graded: GradeResult, result: GenerateResult): boolean {
  const truth = result.simulatedTruth;
  return truth !== undefined && result.finishReason === "stop" && !graded.broken && graded.pass !== truth.correct;
}

export function truthDisagreement(item: SuiteItem, graded: GradeResult, capability: Capability, correct: boolean): GradeResult {
  return brokenResult(
    `item ${item.id}: graded ${graded.pass ? "pass" : "fail"} (${graded.detail}) but the simulated ${capability} model's answer was ${
      correct ? "the key's answer" : "one of the key's wrong answers"
    }: the expected answer, the answer key or the grader is wrong`,
  );
}

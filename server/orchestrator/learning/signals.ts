import { InvalidInputError } from "../errors";
import type { Capability } from "../spec";
import type { OutcomeSignal } from "./learner";

/**
 * How many unit observations one signal of each kind is worth. The ranking is the point, not the digits:
 * - validator 0.5: a format or schema check passing says the answer is well-formed, not that it is right;
 * - vote 0.5: agreeing with the other voting models is evidence of being right, but voters share mistakes;
 * - verifier 1: a second model judged the answer itself (scaled by its confidence when it gives one);
 * - feedback 3: an operator looked at the result. Strongest, and rare, so it must move the score visibly.
 */
export const SIGNAL_WEIGHTS = { validator: 0.5, vote: 0.5, verifier: 1, feedback: 3 } as const;

export type StepSignal =
  /** the synthesiser's validators (format, schema) on this step's output */
  | { kind: "validator"; passed: boolean }
  /** a verifier step's verdict on this step's answer; confidence in [0, 1] scales the weight */
  | { kind: "verifier"; verdict: "pass" | "fail"; confidence?: number }
  /**
   * in a vote: how many of the other models gave the same answer as this model. Fractional when a model voted
   * more than once: each other model counts by the share of their answer pairs that match.
   */
  | { kind: "vote"; agreeing: number; others: number }
  /** the operator's thumbs up or down on the task's result */
  | { kind: "feedback"; rating: "up" | "down" };

export type SignalKind = StepSignal["kind"];

/** The learner's input for one finished step of a task with these capability weights. */
export function signalFromStep(step: StepSignal, capabilityWeights: Partial<Record<Capability, number>>): OutcomeSignal {
  switch (step.kind) {
    case "validator":
      return { capabilityWeights, outcome: step.passed ? 1 : 0, weight: SIGNAL_WEIGHTS.validator };
    case "verifier": {
      const confidence = step.confidence ?? 1;
      if (!(confidence >= 0 && confidence <= 1)) throw new InvalidInputError("signal.confidence", "must be within [0, 1]");
      return { capabilityWeights, outcome: step.verdict === "pass" ? 1 : 0, weight: SIGNAL_WEIGHTS.verifier * confidence };
    }
    case "vote":
      if (!(Number.isInteger(step.others) && step.others >= 1)) throw new InvalidInputError("signal.others", "a vote needs at least one other voter");
      if (!(step.agreeing >= 0 && step.agreeing <= step.others)) {
        throw new InvalidInputError("signal.agreeing", `must be within [0, ${step.others}]`);
      }
      // the share agreeing is a graded outcome: agreeing with 2 of 4 others is half a success
      return { capabilityWeights, outcome: step.agreeing / step.others, weight: SIGNAL_WEIGHTS.vote };
    case "feedback":
      return { capabilityWeights, outcome: step.rating === "up" ? 1 : 0, weight: SIGNAL_WEIGHTS.feedback };
  }
}

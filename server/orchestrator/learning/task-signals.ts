import { answersAgree } from "../chains/gates";
import type { OutputFormat } from "../spec";
import { validateFormat } from "../synthesis/validators";
import type { StepSignal } from "./signals";

export interface FinishedStep {
  stepIndex: number;
  role: string;
  modelId: string;
  status: "running" | "completed" | "failed";
  output: string | null;
}

export interface VerdictMessage {
  /** the verifier's step and the step whose answer it judged */
  fromStep: number;
  toStep: number;
  verdict: "yes" | "no" | "unknown";
}

export interface ModelSignal {
  modelId: string;
  stepIndex: number;
  signal: StepSignal;
}

/** Formats a validator can check; free text passes any check, so it teaches nothing. */
const CHECKABLE: ReadonlySet<OutputFormat> = new Set(["json", "short-answer", "code", "list"]);

/** Roles whose output is an answer to the task (not a critique or a verdict on someone else's). */
const ANSWERING_ROLES: ReadonlySet<string> = new Set(["answer", "fallback", "proposer", "voter", "draft", "aggregator", "revise"]);

/**
 * The outcome signals a finished task yields about the models that ran it: validator results on
 * checkable formats, verifier verdicts on the answers they judged, and agreement among voters (one vote signal per
 * model, on its first voter step).
 * Failed calls are reliability, not skill: the router's health statistics take those.
 */
export function signalsFromTask(input: { format: OutputFormat; steps: readonly FinishedStep[]; verdicts: readonly VerdictMessage[] }): ModelSignal[] {
  const completed = input.steps.filter((s) => s.status === "completed" && s.output !== null);
  const byIndex = new Map(completed.map((s) => [s.stepIndex, s]));
  const signals: ModelSignal[] = [];

  if (CHECKABLE.has(input.format)) {
    for (const step of completed) {
      if (!ANSWERING_ROLES.has(step.role)) continue;
      signals.push({ modelId: step.modelId, stepIndex: step.stepIndex, signal: { kind: "validator", passed: validateFormat(input.format, step.output ?? "").ok } });
    }
  }

  for (const verdict of input.verdicts) {
    const judged = byIndex.get(verdict.toStep);
    if (!judged || verdict.verdict === "unknown") continue;
    signals.push({ modelId: judged.modelId, stepIndex: judged.stepIndex, signal: { kind: "verifier", verdict: verdict.verdict === "yes" ? "pass" : "fail" } });
  }

  const judged = new Set(input.verdicts.filter((v) => v.verdict !== "unknown").map((v) => v.toStep));
  signals.push(...agreementSignals(completed.filter((s) => s.role === "voter")));
  // a short-answer cascade that settles by agreement (no verifier judged its answers) is a vote among its tiers: the
  // tier the others outvoted learns it was wrong, where its well-formed answer alone would read as a pass
  if (input.format === "short-answer") signals.push(...agreementSignals(completed.filter((s) => s.role === "answer" && !judged.has(s.stepIndex))));
  return signals;
}

/** One vote signal per model among these steps, by how far the other models' answers agree with its own. */
function agreementSignals(steps: readonly FinishedStep[]): ModelSignal[] {
  const signals: ModelSignal[] = [];
  // the planner repeats models when the roster is small: a model's samples are grouped so it never corroborates itself
  const ballots = new Map<string, { firstStep: number; answers: string[] }>();
  for (const voter of steps) {
    const ballot = ballots.get(voter.modelId) ?? { firstStep: voter.stepIndex, answers: [] };
    ballot.answers.push(voter.output ?? "");
    ballots.set(voter.modelId, ballot);
  }
  if (ballots.size >= 2) {
    for (const [modelId, mine] of ballots) {
      let agreeing = 0;
      for (const [otherId, theirs] of ballots) {
        if (otherId === modelId) continue;
        // each other model is one corroborator however often it voted: it counts by the share of answer pairs that match
        const matches = mine.answers.reduce((n, answer) => n + theirs.answers.filter((other) => answersAgree(other, answer)).length, 0);
        agreeing += matches / (mine.answers.length * theirs.answers.length);
      }
      signals.push({ modelId, stepIndex: mine.firstStep, signal: { kind: "vote", agreeing, others: ballots.size - 1 } });
    }
  }
  return signals;
}

import type { AnswerKeyMatch } from "../answer-keys";
import type { CodeCase, GradeResult, SuiteItem } from "../suite-types";

/** Resource limits for one sandboxed run of a model's code. */
export interface RunCodeLimits {
  /** CPU budget for evaluating the code and running every case */
  timeoutMs: number;
  /** heap cap of the sandbox process */
  memoryMb: number;
}

export interface RunCodeResult {
  passed: number;
  total: number;
  /** why the run stopped early or a case failed (syntax error, timeout, out of memory, first mismatch) */
  error?: string;
}

export interface JudgeVerdict {
  pass: boolean;
  verdict: string;
}

/**
 * Side effects a grader may need, injected so every grader stays pure and testable: running code
 * (server/sandbox, a separate process) and asking a judge model. A grader whose port is missing reports
 * the item as broken (ungradable here) rather than failing the model.
 */
export interface GraderPorts {
  runCode?(source: string, functionName: string, cases: readonly CodeCase[], limits: RunCodeLimits): Promise<RunCodeResult>;
  judge?(rubric: string, prompt: string, response: string): Promise<JudgeVerdict>;
  /** the answer-key book simulated models answer from; defaults to the built-in one */
  answerKeys?: { lookup(prompt: string): AnswerKeyMatch | undefined };
}

export type Grader<K extends SuiteItem["grader"]["kind"]> = (
  item: SuiteItem & { grader: Extract<SuiteItem["grader"], { kind: K }> },
  response: string,
  ports: GraderPorts,
) => Promise<GradeResult>;

export const DEFAULT_RUN_LIMITS: RunCodeLimits = { timeoutMs: 1_000, memoryMb: 64 };

/** A result for an item that could not be graded; discovery skips it and reports its id. */
export function brokenResult(detail: string): GradeResult {
  return { pass: false, score: 0, detail, broken: true };
}

export function verdict(pass: boolean, score: number, detail: string): GradeResult {
  return { pass, score: Math.min(1, Math.max(0, score)), detail, method: "grader" };
}

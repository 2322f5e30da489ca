import { CAPABILITIES, type Capability, type GenerateResult } from "../spec";
import { gradeItem as gradeWithPorts } from "./graders/grade";
import type { GraderPorts } from "./graders/ports";
import type { GradeResult, Suite, SuiteItem } from "./suite-types";
import { builtinSuite } from "./suites/catalog";

/**
 * Capability discovery's public surface: the built-in suites (one per capability, generated in code),
 * the item/suite/grader schemas operators' own suites are validated by, the graders, and the answer-key
 * book the simulated provider shares. The adaptive estimator lives in ./estimator.
 */

/** Every built-in suite, in capability order. Built fresh on each call: callers may keep or change them. */
export function builtinSuites(): Suite[] {
  return CAPABILITIES.map(builtinSuite);
}

/** The built-in suite of one capability. */
export function suiteFor(capability: Capability): Suite {
  return builtinSuite(capability);
}

/**
 * Grades one model reply to one item. Never throws: unusable items come back `{ broken: true, detail }`.
 * Simulated models' replies to unkeyed items are graded by their hidden truth (graders/simulated.ts).
 */
export function gradeItem(item: SuiteItem, result: GenerateResult, ports: GraderPorts = {}): Promise<GradeResult> {
  return gradeWithPorts(item, result, ports);
}

export {
  KEYED_GRADER_KINDS,
  codeCaseSchema,
  gradeResultSchema,
  graderSpecSchema,
  itemProblems,
  jsonValueSchema,
  suiteItemSchema,
  suiteItemShape,
  suiteSchema,
  type CodeCase,
  type GradeResult,
  type GraderKind,
  type GraderSpec,
  type JsonValue,
  type Suite,
  type SuiteItem,
  type SuiteItemInput,
} from "./suite-types";
export { DEFAULT_RUN_LIMITS, type GraderPorts, type JudgeVerdict, type RunCodeLimits, type RunCodeResult } from "./graders/ports";
export { gradeText } from "./graders/grade";
export { chrF } from "./graders/chrf-score";
export { extractCode } from "./graders/code-extract";
export { extractAnswer, finalNumber, normaliseText } from "./graders/normalise";
export { AnswerKeyBook, builtinAnswerKeys, normalisePrompt, type AnswerKey, type AnswerKeyMatch } from "./answer-keys";

import type { AnswerKey } from "../answer-keys";
import { KEYED_GRADER_KINDS } from "../suite-types";
import { allBuiltinEntries } from "./catalog";

/**
 * Answer keys for every built-in item whose answer is a short string (exact, numeric, label), so the
 * simulated provider answers them from the key: right with its skill's probability, else with one of these
 * wrong answers. answer-keys.ts adds them to `generateBuiltinAnswerKeys()`, hence to `builtinAnswerKeys`,
 * at load time; this file must therefore not import any runtime value from answer-keys.ts (a cycle).
 */
export function suiteAnswerKeys(): AnswerKey[] {
  return allBuiltinEntries().flatMap(({ item, wrongAnswers }) =>
    KEYED_GRADER_KINDS.includes(item.grader.kind) && item.expected !== undefined && wrongAnswers && wrongAnswers.length > 0
      ? [{ capability: item.capability, prompt: item.prompt, answer: item.expected, wrongAnswers }]
      : [],
  );
}

/**
 * Template scaffolding that says nothing about the task.
 *
 * Prompts sent through APIs and evaluation harnesses wrap the real request in markers
 * ("## Question:", "### Response:", "[INST]") and answer-format instructions ("Present your
 * reasoning and solution in the following json format"). Those lines would otherwise be read as
 * the request: the closing JSON-format line turned a GSM8K word problem into "code". They are
 * dropped before the instruction is picked. Patterns are anchored to whole lines so a real
 * request that merely mentions JSON ("give me the rows as JSON") is kept.
 */

/** "## Question:", "### Instruction:", "Answer:", "[INST]"… alone on a line (lower-cased). */
const MARKER_LINE =
  /^(?:#{1,4}\s*)?(?:question|questions|instruction|instructions|input|response|answer|context|task|output|system|user|assistant|human|prompt|q|a)\s*:?\s*$|^\[\/?inst\]$|^<\/?s>$|^<\|[a-z_]+\|>$/;

/** Harness preambles and answer-format instructions (lower-cased, whole line). */
const FORMAT_LINE = new RegExp(
  [
    // Alpaca / Dolly style preamble
    "^below is an instruction that describes a task",
    "^write a response that appropriately completes the request\\.?$",
    // ZeroEval and similar: "please answer this question by first reasoning and then providing your answer."
    "^please answer (?:this|the) question by first reasoning",
    // "present your reasoning and solution in the following json format.", "show your final answer in the `answer` field"
    "^(?:please )?(?:present|show|put|give|provide|return|output|format|write|mark)\\b[^\\n]{0,60}\\b(?:following (?:json )?format|json format|answer(?:`)? field|final answer (?:in|within|as|inside|after)|\\\\boxed)",
    "^(?:your|the) (?:final )?(?:answer|response|output) (?:should|must) be (?:in|formatted|a json)",
    "^let'?s think step by step\\.?$",
  ].join("|"),
);

/** Inline chat-template tokens left inside a line: "[INST] translate this [/INST]". */
const INLINE_MARKER = /\[\/?inst\]|<<\/?sys>>|<\|(?:im_start|im_end|user|assistant|system|eot_id)\|>/g;

export function isBoilerplateLine(line: string): boolean {
  const t = line.trim();
  return t !== "" && (MARKER_LINE.test(t) || FORMAT_LINE.test(t));
}

/** Removes scaffolding lines and inline template tokens; keeps the text when nothing else would remain. */
export function stripBoilerplate(lowered: string): string {
  const withoutTokens = lowered.replace(INLINE_MARKER, " ");
  const kept = withoutTokens.split("\n").filter((line) => !isBoilerplateLine(line));
  const joined = kept.join("\n");
  return joined.trim() === "" ? withoutTokens : joined;
}

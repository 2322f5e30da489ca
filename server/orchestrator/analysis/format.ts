import type { Capability } from "../spec/capability";
import type { OutputFormat } from "../spec/task";
import type { PromptSignals } from "./signals";

/**
 * Decides the shape of the expected answer. Explicit requests ("as JSON", "one word", "list")
 * win over defaults; defaults follow the primary capability (a math word problem has one numeric
 * answer, brainstorming produces a list, a request to write or fix code produces code).
 */
export interface FormatDecision {
  format: OutputFormat;
  /** why, for the evidence trail */
  reason: string;
}

const JSON_ASKED = /\b(?:json|schema|yaml|key-value pairs?)\b|\bas (?:a |an )?(?:object|dict(?:ionary)?)\b/;
/** "Write a function that parses JSON" wants code; "give me a JSON schema for a post" wants JSON. */
const CODE_ARTIFACT = /\b(?:function|class|script|program|code|method|api|endpoint|component|query|type|typescript|python|javascript|zod|sql|ddl|database|parse[sd]?|parsing|serializ\w*)\b/;
const SHORT_ASKED =
  /\b(?:answer (?:with|in) (?:only |just )?(?:one|a single|a) (?:word|number|letter)|one[- ]word(?: answer)?|single (?:word|number)|just (?:give me )?the (?:answer|number|label|name|result|final answer)|only (?:the|give) (?:answer|number|label)|yes or no|yes\/no|true or false|answer with the numbers?|reply [a-z]+ or [a-z]+)\b/;
const LIST_ASKED =
  /\b(?:list (?:all|every|the|some|\d+|a few|ten|five|them|out|of \d+)|enumerate|bullet(?:ed)?(?: ?points?| list)?|bullets|as a list|in a list|numbered list|top \d+|checklist)\b|\b(?:\d+|ten|five|twenty|a few|some|several|a bunch of)\s+(?:[\w-]+\s+){0,2}(?:ideas|names|ways|tips|options|suggestions|examples|reasons|titles|things|slogans|taglines|themes|topics|activities|concepts|questions)\b/;
/** A code request that wants an explanation, not a program. */
const EXPLAIN_CODE =
  /^(?:can you |could you |please )?(?:explain|what does|what is|what's|whats|what are|why (?:does|is|do|did)|how does|is (?:it|this|that|there)|are there|when should|should i|code review|review)\b|\b(?:explain|line by line|difference between|time complexity|what(?:'s| is) wrong)\b/;
/** Math that wants a derivation rather than a number. */
const MATH_DERIVATION = /\b(?:prove|proof|show that|derive|derivation|explain|why|by induction|general solution|show (?:the |your |all )?(?:steps|work)|step[- ]by[- ]step|walk me through|how do i)\b/;
const FACTOID =
  /^(?:who|when|where|which|what year|in what year|how many|how much|how tall|how old|how far|how long|what(?:'s| is| was) the (?:capital|population|tallest|largest|longest|highest|biggest|smallest|name|chemical formula|boiling point|speed|official language|currency))\b/;
const EXPLAIN_FACT = /\b(?:explain|why|how (?:does|do|did)|describe|difference|tell me about|overview|history)\b/;
const PLURAL_ITEMS = /\b(?:each|these|the following|all (?:of )?(?:the|these))\b/;

export function detectFormat(primary: Capability, instruction: string, signals: PromptSignals): FormatDecision {
  const firstLine = instruction.trimStart();
  const jsonAsked = JSON_ASKED.test(instruction);
  if (primary === "code" && !EXPLAIN_CODE.test(firstLine) && !(jsonAsked && !CODE_ARTIFACT.test(instruction))) {
    return { format: "code", reason: "asks to write or fix code" };
  }
  if (jsonAsked) return { format: "json", reason: "asks for JSON / a schema" };
  if (SHORT_ASKED.test(instruction)) return { format: "short-answer", reason: "asks for a one-word / yes-no answer" };
  // MMLU-style options: the answer is one of them (a derivation can still be asked for explicitly).
  if (signals.multipleChoice && primary !== "writing" && !MATH_DERIVATION.test(instruction)) {
    return { format: "short-answer", reason: "multiple choice: pick one option" };
  }
  if (LIST_ASKED.test(instruction)) return { format: "list", reason: "asks for a list / N items" };
  switch (primary) {
    case "math":
      return MATH_DERIVATION.test(instruction)
        ? { format: "text", reason: "math derivation or proof" }
        : { format: "short-answer", reason: "math problem with a single answer" };
    case "knowledge":
      if (FACTOID.test(firstLine) && !EXPLAIN_FACT.test(instruction) && instruction.length < 150) {
        return { format: "short-answer", reason: "factoid question" };
      }
      break;
    case "classification":
      return signals.pastedList || PLURAL_ITEMS.test(instruction)
        ? { format: "list", reason: "one label per item" }
        : { format: "short-answer", reason: "a single label" };
    case "brainstorming":
      return { format: "list", reason: "brainstorming yields a list of ideas" };
    case "extraction":
      if (PLURAL_ITEMS.test(instruction) || signals.pastedList) return { format: "list", reason: "several extracted items" };
      break;
    default:
      break;
  }
  return { format: "text", reason: "prose answer" };
}

import type { PromptView } from "./prompt-view";

/**
 * Structural facts about a prompt that words alone miss: pasted code, stack traces, arithmetic,
 * foreign scripts, pasted lists. They feed both the rules and the learned model (as `s:` features).
 */
export interface PromptSignals {
  /** fenced code blocks plus unfenced runs of code-looking lines */
  pastedCode: boolean;
  /** an exception name, "Traceback", a compiler error code... */
  errorTrace: boolean;
  /** numbers in the instruction */
  instructionNumbers: number;
  /** an arithmetic operator between operands ("3x + 7", "2^10", "12 * 4") */
  arithmetic: boolean;
  /** share of letters outside the Latin script (CJK, Cyrillic, Arabic...) */
  nonLatinShare: number;
  /** the scanned text has several words typical of Spanish/French/German/Italian/Portuguese */
  romanceOrGermanic: boolean;
  /** three or more list-item / transcript / table lines of pasted material */
  pastedList: boolean;
  /** the instruction ends with a question mark */
  question: boolean;
  /** the first line of the instruction is a question (wh-word opening or a question mark) */
  headQuestion: boolean;
  /** whole prompt length bucket */
  length: "tiny" | "short" | "medium" | "long";
  /** the prompt has an emoji */
  emoji: boolean;
  /** answer options "A. … B. … C. …" (MMLU-style multiple choice) */
  multipleChoice: boolean;
  /** how much pasted material sits between the instruction lines */
  material: "none" | "some" | "long";
}

const CODE_LINE =
  /(?:^\s*(?:for|while|if|elif|with|def|class)\b.*:\s*$|^\s*[a-z_][\w.]*(?:\[[^\]]*\])?\s*[-+*/]?=\s*\S|[;{}]\s*$|^\s*(?:def |class |function |const |let |var |import |from \S+ import|return\b|#include|public |private |fn |func |elif |else:|try:|except\b|select .* from|<\/?[a-z]+[^>]*>)|=>|===|!==|\+=|&&|\|\||::|->|\w\(\S*\)\s*[:{]\s*$)/i;
// "[a-z]error" rather than "\w+error": a leading \w+ backtracks at every word of an 8 kB paste.
const ERROR_TRACE =
  /[a-z](?:error|exception)\b|\b(?:traceback|stack ?trace|segfault|segmentation fault|error\[e\d+\]|npm err|crashloopbackoff|undefined is not|cannot read propert)/i;
const ARITHMETIC = /(?:\d|\b[a-z]\b|\))\s*(?:[+*×÷^=]|\s[-/]\s)\s*(?:\d|\b[a-z]\b|\()|\d\s*\^|\b\d+\s*!/i;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const LIST_LINE = /^\s*(?:[-*\u2022>|]|\d+[.):]\s|[\p{L}]+(?: [\p{L}]+)?:\s)/u;
const FOREIGN_WORD =
  /(?:^|[\s¿¡"'(])(?:el|los|las|una|que|por|para|está|estoy|necesito|gracias|le|les|des|est|une|avec|pour|je|vous|nous|merci|der|die|das|und|ist|nicht|ich|wir|mit|für|il|gli|che|sono|per|não|você|obrigado|uma|muito)(?=[\s,.!?;:"')]|$)/g;
const WH_OPENING = /^(?:what|which|who|whom|whose|when|where|why|how|is|are|does|do|did|can|could|should|would|will)\b/;
const EMOJI = /\p{Extended_Pictographic}/u;
/** Two or more option lines ("A. Paris", "(b) 42", "C) never") on their own lines. */
const OPTION_LINE = /^\s*\(?[A-Da-d][.)]\s+\S/gm;
/** Inline options on one line: "(A) 0.333 (B) sqrt(49) (C) ..." or "A) Hume B) Kant". */
const INLINE_OPTIONS = /(?:^|\s)\(?[Aa][.)]\s+\S.{0,80}?\s\(?[Bb][.)]\s+\S.{0,80}?\s\(?[Cc][.)]\s+\S/;

function countMatches(re: RegExp, text: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

function nonLatinShare(text: string): number {
  let letters = 0;
  let other = 0;
  // A sample is enough for a share; scanning 8 kB char by char would cost more than everything else.
  const limit = Math.min(text.length, 3_000);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) letters++;
    else if (c >= 0x370 && c < 0x2000) {
      letters++;
      other++; // Greek, Cyrillic, Hebrew, Arabic, Indic, Thai...
    } else if (c >= 0x2e80 && c <= 0xd7af) {
      letters++;
      other++; // CJK, kana, Hangul
    }
  }
  return letters === 0 ? 0 : other / letters;
}

function lengthBucket(chars: number): PromptSignals["length"] {
  if (chars < 40) return "tiny";
  if (chars < 160) return "short";
  if (chars < 600) return "medium";
  return "long";
}

function headQuestion(instruction: string): boolean {
  const first = instruction.trimStart().split("\n", 1)[0] ?? "";
  return /\?\s*$/.test(first) || WH_OPENING.test(first);
}

export function readSignals(view: PromptView): PromptSignals {
  const lines = view.codeScan.split("\n", 400);
  let codeLines = 0;
  let listLines = 0;
  for (const line of lines) {
    if (CODE_LINE.test(line)) codeLines++;
    if (LIST_LINE.test(line)) listLines++;
  }
  const lowered = view.scanned.length > 3_000 ? view.scanned.slice(0, 3_000).toLowerCase() : view.scanned.toLowerCase();
  // Operators inside pasted code ("x % 2 == 0") are not arithmetic the user wants done.
  let arithmetic = false;
  for (const line of view.instruction.split("\n")) {
    if (!CODE_LINE.test(line) && ARITHMETIC.test(line)) {
      arithmetic = true;
      break;
    }
  }
  const pastedCode = view.codeBlocks > 0 || codeLines >= 2;
  return {
    pastedCode,
    arithmetic: arithmetic && !(pastedCode && codeLines >= 3),
    errorTrace: ERROR_TRACE.test(view.scanned),
    instructionNumbers: countMatches(NUMBER, view.instruction, 20),
    nonLatinShare: nonLatinShare(view.scanned),
    romanceOrGermanic: countMatches(FOREIGN_WORD, lowered, 3) >= 2,
    pastedList: listLines >= 3,
    question: /\?\s*$/.test(view.instruction),
    headQuestion: headQuestion(view.instruction),
    length: lengthBucket(view.totalChars),
    emoji: EMOJI.test(view.scanned),
    multipleChoice: countMatches(OPTION_LINE, view.scanned.slice(0, 3_000), 3) >= 3 || INLINE_OPTIONS.test(view.instruction),
    material: view.body.length === 0 ? "none" : view.body.length < 400 ? "some" : "long",
  };
}

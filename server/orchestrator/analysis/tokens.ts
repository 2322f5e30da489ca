import type { Capability } from "../spec/capability";
import type { OutputFormat } from "../spec/task";
import type { PromptView } from "./prompt-view";

/**
 * Token estimates without a tokenizer (none is allowed at run time and each provider's differs).
 * BPE tokenizers average ~4 characters per token on English prose, fewer on code and accented
 * text, and about one token per CJK character; we count character classes in the scanned window
 * and scale up to the full length, so a 1 MB prompt costs no more than an 8 kB one.
 */

/** Chat-template framing (role markers, BOS) every provider adds around the prompt. */
const MESSAGE_OVERHEAD = 4;
/** No provider returns more than this in one answer; a bigger estimate would only mislead routing. */
export const MAX_OUTPUT_TOKENS = 16_384;

export function estimateInputTokens(view: PromptView): number {
  const text = view.scanned;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 32) units += 0.25;
    else if (c < 128) units += c === 10 || c === 9 ? 0.5 : 0.6; // punctuation, symbols and newlines split tokens
    else if (c >= 0x2e80 && c <= 0xd7af) units += 1.1; // CJK, kana, Hangul
    else if (c >= 0xd800 && c <= 0xdbff) units += 1; // astral (emoji): high surrogate counts, low adds nothing
    else if (c >= 0xdc00 && c <= 0xdfff) units += 0;
    else units += 0.5; // accented Latin, Cyrillic, Greek, Arabic...
  }
  const scale = text.length === 0 ? 1 : view.totalChars / text.length;
  return Math.max(1, Math.ceil(units * scale) + MESSAGE_OVERHEAD);
}

export interface OutputEstimate {
  tokens: number;
  reason: string;
}

const WORDS = /\b(\d{2,5})[- ]?(?:words?|word-)/;
const SENTENCES = /\b(one|two|three|four|five|\d)\s+(?:short\s+)?sentences?\b/;
const PARAGRAPHS = /\b(one|two|three|four|five|a|\d)[- ](?:short\s+)?paragraphs?\b/;
const ITEMS = /\b(\d{1,3}|ten|five|twenty)\s+(?:[\w-]+\s+){0,2}(?:ideas|names|ways|tips|options|suggestions|examples|reasons|titles|things|questions|slogans|taglines|topics|concepts)\b/;
const SMALL_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10, twenty: 20 };

function count(word: string | undefined): number {
  if (word === undefined) return 1;
  return SMALL_NUMBERS[word] ?? Number.parseInt(word, 10);
}

function explicitLength(instruction: string): OutputEstimate | null {
  let m = WORDS.exec(instruction);
  if (m) return { tokens: Math.ceil(count(m[1]) * 1.35), reason: `asked for ${m[1]} words` };
  m = SENTENCES.exec(instruction);
  if (m) return { tokens: count(m[1]) * 35, reason: `asked for ${m[1]} sentence(s)` };
  m = PARAGRAPHS.exec(instruction);
  if (m) return { tokens: count(m[1]) * 160, reason: `asked for ${m[1]} paragraph(s)` };
  m = ITEMS.exec(instruction);
  if (m) return { tokens: 40 + count(m[1]) * 30, reason: `asked for ${m[1]} items` };
  return null;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Typical answer length per capability; answers that restate the input scale with it. */
export function estimateOutputTokens(primary: Capability, format: OutputFormat, inputTokens: number, instruction: string): OutputEstimate {
  const explicit = explicitLength(instruction);
  if (explicit !== null) return { tokens: clamp(explicit.tokens, 16, MAX_OUTPUT_TOKENS), reason: explicit.reason };
  const base = ((): OutputEstimate => {
    switch (primary) {
      case "translation":
        return { tokens: Math.ceil(inputTokens * 1.3) + 20, reason: "a translation is about as long as its source" };
      case "summarization":
        return { tokens: clamp(Math.ceil(inputTokens * 0.2), 80, 800), reason: "a summary is a fraction of its source" };
      case "extraction":
        return { tokens: clamp(Math.ceil(inputTokens * 0.4), 60, 2_000), reason: "extracted fields scale with the source" };
      case "classification":
        return format === "short-answer"
          ? { tokens: 16, reason: "a single label" }
          : { tokens: clamp(Math.ceil(inputTokens * 0.3), 40, 1_000), reason: "one label per item" };
      case "math":
        return format === "short-answer" ? { tokens: 300, reason: "worked answer to a math problem" } : { tokens: 700, reason: "a derivation or proof" };
      case "knowledge":
        return format === "short-answer" ? { tokens: 60, reason: "a factoid answer" } : { tokens: 450, reason: "an explanation" };
      case "code":
        return format === "code" ? { tokens: 800, reason: "a code answer" } : { tokens: 500, reason: "an explanation of code" };
      case "writing":
        return { tokens: 700, reason: "a piece of writing" };
      case "reasoning":
        return { tokens: 550, reason: "a reasoned answer" };
      case "brainstorming":
        return { tokens: 450, reason: "a list of ideas" };
      case "roleplay":
        return { tokens: 250, reason: "one in-character turn" };
      case "chat":
        return { tokens: 120, reason: "a conversational reply" };
    }
  })();
  return { tokens: clamp(base.tokens, 16, MAX_OUTPUT_TOKENS), reason: base.reason };
}

import type { Capability } from "../../spec";

/**
 * What chrF cannot see. chrF weights recall four times as much as precision (β = 2), so a reply that holds
 * the reference AND a lot more scores nearly as well as the reference alone: echoing a summarization
 * passage back scored 53–81 against a pass mark of 35, and two candidate translations in one reply scored
 * 77–85 against 50. These checks reject such replies before chrF is read. Every cut below was chosen from
 * the built-in suites' own references; calibration.test.ts prints the distributions behind them and fails
 * if a change of reference or cut moves a reference, or an echo, to the wrong side.
 */

/** Characters as chrF counts them (whitespace ignored), so ratios compare like with like. */
export function visibleLength(text: string): number {
  return Array.from(text.replace(/\s+/g, "")).length;
}

export interface ChrfLimits {
  /** fail a reply longer than this many times the longest reference */
  maxLengthRatio: number;
  /** fail a reply that reproduces more than this share of the prompt's words (see promptCoverage) */
  maxPromptCopy?: number;
  /** fail a reply of several lines or sentences of which two each pass on their own (two candidates) */
  singleCandidate: boolean;
}

/**
 * Summaries. The suite's references are 0.38–0.63 of their passage's length, so an echo is 1.58–2.64
 * times its reference: a cut at 1.5 fails every echo and still leaves a summary half as long again as
 * the reference. A trimmed echo (the passage without its last sentence, 1.10–1.75× the reference) can slip
 * under that cut, so copying is measured too: the references reproduce 0.22–0.47 of their prompt's words
 * in runs of four or more words, a whole echo 0.85–0.88, an echo without its last sentence 0.58–0.74; the
 * cut at 0.55 sits between. No single-candidate check: a two-sentence summary may pass on its first
 * sentence alone, and two whole summaries already fail the length cut.
 */
export const SUMMARY_LIMITS: ChrfLimits = { maxLengthRatio: 1.5, maxPromptCopy: 0.55, singleCandidate: false };

/**
 * Translations and other chrF items (one rendering of a reference). The suite's alternatives differ in
 * length from their reference by at most 1.33×, and the longest passing paraphrase in the pass-mark table
 * ("Le chat est en train de dormir sur le canapé." for "Le chat dort sur le canapé.") is 1.64×; a reply
 * holding two renderings is about 2× or more. The cut, 1.8× the longest reference, sits between. Two
 * shorter renderings can stay under it ("Está aprendiendo a nadar." twice is 1.62× "Ella está aprendiendo
 * a nadar."), so a reply whose lines or sentences contain two that each reach the pass mark on their own
 * also fails, when it has more of them than the matched reference has sentences.
 */
export const TRANSLATION_LIMITS: ChrfLimits = { maxLengthRatio: 1.8, singleCandidate: true };

export function chrfLimitsFor(capability: Capability): ChrfLimits {
  return capability === "summarization" ? SUMMARY_LIMITS : TRANSLATION_LIMITS;
}

/** A copied run must be at least this many words: shorter shared runs are names and set phrases. */
export const COPY_RUN_WORDS = 4;

function words(text: string): string[] {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The share (0..1) of the prompt's words that the reply reproduces in runs of COPY_RUN_WORDS or more
 * consecutive words. A summary in its own words copies names and short phrases; an echo copies most of it.
 */
export function promptCoverage(prompt: string, reply: string, runWords = COPY_RUN_WORDS): number {
  const source = words(prompt);
  const copy = words(reply);
  if (source.length === 0) return 0;
  const grams = new Set<string>();
  for (let i = 0; i + runWords <= copy.length; i++) grams.add(copy.slice(i, i + runWords).join(" "));
  const covered = new Array<boolean>(source.length).fill(false);
  for (let i = 0; i + runWords <= source.length; i++) {
    if (grams.has(source.slice(i, i + runWords).join(" "))) covered.fill(true, i, i + runWords);
  }
  return covered.filter(Boolean).length / source.length;
}

/**
 * The pieces a reply offering several candidates is made of: its lines, its sentences, and parts split by
 * " / " or " | ", without list numbering. A one-sentence reply is one piece.
 */
export function candidatePieces(text: string): string[] {
  return text
    .split(/\s+[/|]\s+|\n|(?<=[.!?])\s+/)
    .map((piece) => piece.replace(/^\s*(?:\(?\d+[.)]|[-*•])\s*/, "").trim())
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}

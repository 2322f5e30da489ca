import { chrF } from "./chrf-score";
import { candidatePieces, chrfLimitsFor, promptCoverage, visibleLength } from "./chrf-limits";
import { extractAnswer } from "./normalise";
import { verdict, type Grader } from "./ports";

/** Strips a "Translation:" / "Summary:" label a model puts before its text. */
function withoutLabel(text: string): string {
  return text.replace(/^\s*(?:translation|summary|résumé|traducción|traduction)\s*[:：]\s*/i, "");
}

function sentenceCount(text: string): number {
  return Math.max(1, candidatePieces(text).length);
}

/**
 * chrF of the committed answer against the item's reference (the best of the reference and its
 * alternatives, as multi-reference chrF does); passes at or above the threshold (0..100). The score is
 * chrF / 100 so discovery can average it with other graders' scores. chrF measures closeness of form, not
 * meaning: a one-word change of meaning ("opens" → "closes") can still pass; that is the price of grading
 * free text without a judge.
 *
 * chrF favours recall, so a reply holding the reference and more (an echoed passage, two candidate
 * translations) would pass; those fail first, with score 0 (chrf-limits.ts has the cuts and their reasons):
 * a reply much longer than the longest reference, a summary that copies most of its prompt, and a
 * translation offering two candidates that each pass on their own.
 */
export const gradeChrf: Grader<"chrf"> = async (item, response) => {
  const hypothesis = withoutLabel(extractAnswer(response));
  if (hypothesis.trim() === "") return verdict(false, 0, "empty reply");
  const references = [item.grader.reference, ...(item.grader.alternatives ?? [])];
  const scores = references.map((r) => chrF(hypothesis, r));
  const score = Math.max(...scores);
  const scored = `chrF ${score.toFixed(1)} (pass mark ${item.grader.threshold})`;
  const limits = chrfLimitsFor(item.capability);

  const ratio = visibleLength(hypothesis) / Math.max(...references.map(visibleLength));
  if (ratio > limits.maxLengthRatio) {
    return verdict(false, 0, `too long: ${ratio.toFixed(2)}× the reference (limit ${limits.maxLengthRatio}×); ${scored}`);
  }
  if (limits.maxPromptCopy !== undefined) {
    const copied = promptCoverage(item.prompt, hypothesis);
    if (copied > limits.maxPromptCopy) {
      return verdict(false, 0, `copies ${(copied * 100).toFixed(0)}% of the prompt (limit ${limits.maxPromptCopy * 100}%); ${scored}`);
    }
  }
  if (limits.singleCandidate) {
    const pieces = candidatePieces(hypothesis);
    const matched = references[scores.indexOf(score)] ?? item.grader.reference;
    if (pieces.length > sentenceCount(matched)) {
      const passing = pieces.filter((piece) => Math.max(...references.map((r) => chrF(piece, r))) >= item.grader.threshold);
      if (passing.length >= 2) return verdict(false, 0, `${passing.length} candidate answers in one reply; ${scored}`);
    }
  }
  return verdict(score >= item.grader.threshold, score / 100, scored);
};

import { chrF } from "./chrf-score";
import { extractAnswer } from "./normalise";
import { verdict, type Grader } from "./ports";

/** Strips a "Translation:" / "Summary:" label a model puts before its text. */
function withoutLabel(text: string): string {
  return text.replace(/^\s*(?:translation|summary|résumé|traducción|traduction)\s*[:：]\s*/i, "");
}

/**
 * chrF of the committed answer against the item's reference (the best of the reference and its
 * alternatives, as multi-reference chrF does); passes at or above the threshold (0..100). The score is
 * chrF / 100 so discovery can average it with other graders' scores. chrF measures closeness of form, not
 * meaning: a one-word change of meaning ("opens" → "closes") can still pass; that is the price of grading
 * free text without a judge.
 */
export const gradeChrf: Grader<"chrf"> = async (item, response) => {
  const hypothesis = withoutLabel(extractAnswer(response));
  if (hypothesis.trim() === "") return verdict(false, 0, "empty reply");
  const score = Math.max(...[item.grader.reference, ...(item.grader.alternatives ?? [])].map((r) => chrF(hypothesis, r)));
  const pass = score >= item.grader.threshold;
  return verdict(pass, score / 100, `chrF ${score.toFixed(1)} (pass mark ${item.grader.threshold})`);
};

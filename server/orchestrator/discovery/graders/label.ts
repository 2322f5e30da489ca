import { containsPhrase, extractAnswer, normaliseText } from "./normalise";
import { brokenResult, verdict, type Grader } from "./ports";

/**
 * The reply must name exactly one label of the set, and it must be the expected one. A reply that is the
 * label wins outright; otherwise a label mentioned as whole words counts only if no other label is, so
 * "positive, not negative" is ambiguous and fails rather than guessing.
 */
export const gradeLabel: Grader<"label"> = async (item, response) => {
  const labels = item.grader.labels.map((label) => ({ label, normalised: normaliseText(label) }));
  const expected = labels.find((l) => l.normalised === normaliseText(item.expected ?? ""));
  if (!expected) return brokenResult(`expected label "${item.expected ?? ""}" is not one of ${item.grader.labels.join(", ")}`);
  const answer = normaliseText(extractAnswer(response));
  const exact = labels.find((l) => l.normalised === answer);
  const mentioned = exact ? [exact] : labels.filter((l) => containsPhrase(answer, l.normalised));
  if (mentioned.length === 0) return verdict(false, 0, `no label of ${item.grader.labels.join(", ")} in "${answer.slice(0, 80)}"`);
  if (mentioned.length > 1) return verdict(false, 0, `ambiguous: names ${mentioned.map((m) => m.label).join(" and ")}`);
  const chosen = mentioned[0];
  const pass = chosen === expected;
  return verdict(pass, pass ? 1 : 0, pass ? `label "${expected.label}"` : `expected "${expected.label}", got "${chosen?.label ?? ""}"`);
};

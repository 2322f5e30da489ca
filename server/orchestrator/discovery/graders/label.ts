import { extractAnswer, negatedAt, normaliseText, phraseIndices } from "./normalise";
import { brokenResult, verdict, type Grader } from "./ports";

/**
 * The reply must name exactly one label of the set, and it must be the expected one. A reply that is the
 * label wins outright; otherwise a label counts where it is mentioned as whole words and not negated (a
 * negation word up to three words before it: "not a mammal", "isn't negative", "never spam"; see
 * normalise.ts). "Negative, not positive" names negative; "not a mammal" names nothing; if two different
 * labels remain ("positive or negative") the reply is ambiguous and fails rather than guessing.
 */
export const gradeLabel: Grader<"label"> = async (item, response) => {
  const labels = item.grader.labels.map((label) => ({ label, normalised: normaliseText(label) }));
  const expected = labels.find((l) => l.normalised === normaliseText(item.expected ?? ""));
  if (!expected) return brokenResult(`expected label "${item.expected ?? ""}" is not one of ${item.grader.labels.join(", ")}`);
  const answer = normaliseText(extractAnswer(response));
  const exact = labels.find((l) => l.normalised === answer);
  const affirmed = (l: (typeof labels)[number]) => phraseIndices(answer, l.normalised).some((at) => !negatedAt(answer, at));
  const mentioned = exact ? [exact] : labels.filter(affirmed);
  if (mentioned.length === 0) return verdict(false, 0, `no label of ${item.grader.labels.join(", ")} named (and not negated) in "${answer.slice(0, 80)}"`);
  if (mentioned.length > 1) return verdict(false, 0, `ambiguous: names ${mentioned.map((m) => m.label).join(" and ")}`);
  const chosen = mentioned[0];
  const pass = chosen === expected;
  return verdict(pass, pass ? 1 : 0, pass ? `label "${expected.label}"` : `expected "${expected.label}", got "${chosen?.label ?? ""}"`);
};

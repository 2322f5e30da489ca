import { extractAnswer, isNegatedStatement, lastLine, negatedAt, normaliseText } from "./normalise";
import { brokenResult, verdict, type Grader } from "./ports";

/** `text` ends with `phrase` as whole words: "the capital of australia is canberra" ends with "canberra". */
function endsWithPhrase(text: string, phrase: string): boolean {
  if (!text.endsWith(phrase)) return false;
  const before = text[text.length - phrase.length - 1];
  // a sign, decimal point or hyphen glues on: "-10" and "3.10" do not end with the answer "10"
  return before === undefined || !/[\p{L}\p{N}.-]/u.test(before);
}

/** Openers that are not answers: "Sure. The capital is Canberra." */
const FILLER = /^(?:sure|ok|okay|certainly|of course|alright|all right|right|well|hmm+|got it|good question|great question|let me think|let's see|here you go)$/;

function wordCount(text: string): number {
  return text.split(" ").filter((w) => w !== "").length;
}

/**
 * Exact match after normalisation (normalise.ts) of the committed answer: the JSON `answer` field, else the
 * last "Answer:" line, else the whole reply. Real models answer in a sentence despite "answer only", so
 * two lenient readings of it also count: its last line ending with the answer ("… is Canberra.") or its
 * first sentence being the answer ("Canberra. It became the capital in 1913."). They must not let one
 * reply give two answers, so a reply fails when:
 * - the answer the last line ends with is negated ("The answer is not Canberra"; normalise.ts negatedAt);
 * - one end matches and the other end is a different short answer of its own: a sentence no longer than
 *   the longest accepted answer, not a filler ("Sure.") and not a negated statement ("Not Sydney."), so
 *   "Yes. No", "Sydney.\nThe answer is Canberra" and "Canberra.\nSydney" fail.
 */
export const gradeExact: Grader<"exact"> = async (item, response) => {
  if (item.expected === undefined) return brokenResult("exact item has no expected answer");
  const accepted = [item.expected, ...(item.grader.alternatives ?? [])].map(normaliseText).filter((a) => a !== "");
  if (accepted.length === 0) return brokenResult(`expected answer "${item.expected}" is empty once normalised`);
  const answer = extractAnswer(response);
  const given = normaliseText(answer);
  if (accepted.includes(given)) return verdict(true, 1, `matched "${item.expected}"`);

  const longest = Math.max(...accepted.map(wordCount));
  const isOtherAnswer = (sentence: string) =>
    sentence !== "" && !accepted.includes(sentence) && wordCount(sentence) <= longest && !FILLER.test(sentence) && !isNegatedStatement(sentence);

  const finalLine = lastLine(answer);
  const endings = accepted.filter((a) => endsWithPhrase(finalLine, a));
  if (endings.some((a) => negatedAt(finalLine, finalLine.length - a.length))) {
    return verdict(false, 0, `negates the answer: "${finalLine.slice(-120)}"`);
  }
  // a full stop or line break ends the first sentence; a question mark does not ("Paris? No: Lyon")
  const firstSentence = normaliseText(answer.split(/\.(?:\s|$)|\n/)[0] ?? "");
  const finalSentence = normaliseText(finalLine.split(/[.!?;:](?:\s|$)/).filter((s) => s.trim() !== "").at(-1) ?? "");

  if (endings.length > 0) {
    if (isOtherAnswer(firstSentence)) return verdict(false, 0, `two answers: first sentence "${firstSentence}", last line ends with "${item.expected}"`);
    return verdict(true, 1, `final line ends with "${item.expected}"`);
  }
  if (accepted.includes(firstSentence)) {
    if (isOtherAnswer(finalSentence)) return verdict(false, 0, `two answers: first sentence "${item.expected}", last says "${finalSentence}"`);
    return verdict(true, 1, `first sentence is "${item.expected}"`);
  }
  return verdict(false, 0, `expected "${item.expected}", got "${given.slice(0, 120)}"`);
};

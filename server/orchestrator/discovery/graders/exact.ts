import { extractAnswer, lastLine, normaliseText } from "./normalise";
import { brokenResult, verdict, type Grader } from "./ports";

/** `text` ends with `phrase` as whole words: "the capital of australia is canberra" ends with "canberra". */
function endsWithPhrase(text: string, phrase: string): boolean {
  if (!text.endsWith(phrase)) return false;
  const before = text[text.length - phrase.length - 1];
  // a sign, decimal point or hyphen glues on: "-10" and "3.10" do not end with the answer "10"
  return before === undefined || !/[\p{L}\p{N}.-]/u.test(before);
}

/**
 * Exact match after normalisation (normalise.ts). Two lenient readings, because real models answer in a
 * sentence despite "answer only": the reply's last line ending with the answer ("… is Canberra."), or its
 * first sentence being the answer ("Canberra. It became the capital in 1913.").
 */
export const gradeExact: Grader<"exact"> = async (item, response) => {
  if (item.expected === undefined) return brokenResult("exact item has no expected answer");
  const accepted = [item.expected, ...(item.grader.alternatives ?? [])].map(normaliseText).filter((a) => a !== "");
  if (accepted.length === 0) return brokenResult(`expected answer "${item.expected}" is empty once normalised`);
  const answer = extractAnswer(response);
  const given = normaliseText(answer);
  if (accepted.includes(given)) return verdict(true, 1, `matched "${item.expected}"`);
  const finalLine = lastLine(answer);
  if (accepted.some((a) => endsWithPhrase(finalLine, a))) return verdict(true, 1, `final line ends with "${item.expected}"`);
  // a full stop or line break ends the first sentence; a question mark does not ("Paris? No: Lyon")
  const firstSentence = normaliseText(answer.split(/\.(?:\s|$)|\n/)[0] ?? "");
  if (accepted.includes(firstSentence)) return verdict(true, 1, `first sentence is "${item.expected}"`);
  return verdict(false, 0, `expected "${item.expected}", got "${given.slice(0, 120)}"`);
};

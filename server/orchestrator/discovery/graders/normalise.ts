import { extractJsonObject } from "./json-extract";

/**
 * Turning a free-form reply into the answer it commits to. Models wrap answers in "Answer: x" lines,
 * markdown emphasis, `{"answer": x}` objects, LaTeX \boxed{x} and trailing full stops; none of that should
 * decide a grade, so exact, numeric and label graders compare what is left after these steps.
 */

const ANSWER_LINE = /^[\s>#*_-]*(?:final\s+answer|answer)[\s*_]*[:：][\s*_]*(.+?)\s*$/gim;

/** Removes markdown emphasis and code marks, bullets, LaTeX boxes and wrapping quotes. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\\boxed\{([^}]*)\}/g, "$1")
    .replace(/\*\*|__|`+|\*/g, "")
    .replace(/^\s*(?:[-•>]|#+)\s+/gm, "")
    .trim()
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, "")
    .trim();
}

/** The answer a reply commits to: a JSON `answer` field, else the last "Answer: x" line, else the whole reply. */
export function extractAnswer(response: string): string {
  const json = extractJsonObject(response);
  const field = json?.answer;
  if (typeof field === "string" || typeof field === "number" || typeof field === "boolean") return stripMarkdown(String(field));
  const lines = [...response.matchAll(ANSWER_LINE)];
  const last = lines.at(-1)?.[1];
  return stripMarkdown(last ?? response);
}

/**
 * For comparison only: accents, case, markdown, quotes, outer punctuation, runs of whitespace and a leading
 * article do not make a different answer ("The Pacific." = "pacific"; "Bogotá" = "bogota").
 */
export function normaliseText(text: string): string {
  const plain = stripMarkdown(text)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/^[\s.,;:!?()[\]"']+|[\s.,;:!?()[\]"']+$/g, "");
  return plain.replace(/^(?:the|a|an) (?=\S)/, "");
}

const NUMBER = /-?\d+(?:,\d{3})*(?:\.\d+)?/g;

/**
 * The last number written in the text ("… so the total is 1,234." → 1234). Thousands separators are read
 * as such only in groups of three; a minus sign glued to a word ("COVID-19") is not a sign.
 */
export function finalNumber(text: string): number | undefined {
  let value: number | undefined;
  for (const match of text.matchAll(NUMBER)) {
    let digits = match[0];
    const before = text[(match.index ?? 0) - 1];
    if (digits.startsWith("-") && before !== undefined && /[\p{L}\p{N})]/u.test(before)) digits = digits.slice(1);
    const parsed = Number(digits.replace(/,/g, ""));
    if (Number.isFinite(parsed)) value = parsed;
  }
  return value;
}

/** Whether `phrase` occurs in `text` as whole words (both already normalised). */
export function containsPhrase(text: string, phrase: string): boolean {
  return phraseIndices(text, phrase).length > 0;
}

/** Where `phrase` starts in `text`, at each whole-word occurrence (both already normalised). */
export function phraseIndices(text: string, phrase: string): number[] {
  if (phrase === "") return [];
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
  return [...text.matchAll(pattern)].map((m) => m.index ?? 0);
}

/** "not", "no", "never", "neither", "nor", "cannot" and the n't forms, with or without the apostrophe. */
const NEGATION = /^(?:not|no|never|neither|nor|cannot|\w+n't|isnt|arent|wasnt|werent|dont|doesnt|didnt|cant|wont|aint)$/;
/** Whether a normalised clause is a negated statement: a negation word followed by more ("not sydney"). */
export function isNegatedStatement(clause: string): boolean {
  const [first, ...rest] = clause.split(" ");
  return rest.length > 0 && NEGATION.test(first ?? "");
}

/** A contrast ends the negation's reach: "not Sydney but Canberra" names Canberra. */
const CONTRAST = /^(?:but|rather|instead|though|although)$/;
/** How many words before an answer a negation still applies to it: "is definitely not a mammal". */
export const NEGATION_REACH = 3;

/**
 * Whether the words just before `index` in `text` (normalised) negate what starts there: a negation word
 * within NEGATION_REACH words, with no punctuation or contrast word in between ("it is not a mammal",
 * "isn't negative"; but not "no, mammal" or "not reptile but mammal").
 */
export function negatedAt(text: string, index: number): boolean {
  const tokens = text.slice(0, index).split(/\s+/).filter((t) => t !== "");
  const words = tokens.slice(-NEGATION_REACH).reverse();
  for (const token of words) {
    // punctuation or a dash between the negation and the answer closes the negated clause ("no, mammal")
    if (/[,;:.!?()]$|^[-\u2013\u2014]+$/.test(token)) return false;
    const word = token.replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, "");
    if (NEGATION.test(word)) return true;
    if (CONTRAST.test(word)) return false;
  }
  return false;
}

/** The last non-empty line, normalised. */
export function lastLine(text: string): string {
  const lines = text.split("\n").map((l) => normaliseText(l)).filter((l) => l !== "");
  return lines.at(-1) ?? "";
}

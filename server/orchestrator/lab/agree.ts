import { normalizeAnswer } from "../synthesis/normalize";

/** Quotes, surrounding whitespace and runs of whitespace do not change an answer. */
function plain(answer: string): string {
  return answer.trim().replace(/^["']|["']$/g, "").replace(/\s+/g, " ");
}

/** Numbers, fractions, LaTeX numerals: no letters, brackets or quotes once LaTeX commands are removed. */
function numeric(answer: string): boolean {
  return !/[A-Za-z[\]()'"]/.test(answer.replace(/\\[a-zA-Z]+/g, ""));
}

/**
 * The canonical form of a parsed answer for the replayed cascade and vote: two answers agree when their keys are
 * equal. Numeric answers go through Ensemble's normalizeAnswer (the cascade's own comparison: "70,000" = "70000",
 * "\\frac{1}{2}" = "1/2"); anything else compares by its plain spelling. normalizeAnswer alone is not used on
 * structured answers: it keeps only the last number, so "[1, 2, 3]" and "(0, 3)" would "agree" — a false
 * agreement the real cascade would not see on short answers. null: no answer, agrees with nothing.
 */
export function answerKey(answer: string | null): string | null {
  if (answer === null) return null;
  const key = numeric(answer) ? normalizeAnswer(answer) : plain(answer);
  return key === "" ? null : `${numeric(answer) ? "#" : "\""}${key}`;
}

export function answersMatch(a: string | null, b: string | null): boolean {
  const x = answerKey(a);
  return x !== null && x === answerKey(b);
}

import { extractAnswer, finalNumber } from "./normalise";
import { brokenResult, verdict, type Grader } from "./ports";

/**
 * The final number of the committed answer (JSON `answer`, last "Answer:" line, else the whole reply) must
 * be within the absolute tolerance of the expected value. Tolerance 0 for integer answers on purpose: an
 * off-by-one slip is a wrong answer.
 */
export const gradeNumeric: Grader<"numeric"> = async (item, response) => {
  const expected = Number((item.expected ?? "").replace(/,/g, ""));
  if (item.expected === undefined || !Number.isFinite(expected)) return brokenResult(`expected answer "${item.expected ?? ""}" is not a number`);
  const given = finalNumber(extractAnswer(response)) ?? finalNumber(response);
  if (given === undefined) return verdict(false, 0, "no number in the reply");
  const pass = Math.abs(given - expected) <= item.grader.tolerance + Number.EPSILON * Math.max(1, Math.abs(expected));
  return verdict(pass, pass ? 1 : 0, pass ? `${given} matches ${expected}` : `expected ${expected}, got ${given}`);
};

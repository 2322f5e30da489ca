import { unfence } from "./fences";

const NUMBER = /-?\d[\d,]*(?:\.\d+)?(?:\/\d+)?/g;

/** "1,234.50" → "1234.5", "-3.0" → "-3", "3/4" stays a fraction: two spellings of one number compare equal. */
export function normalizeNumber(raw: string): string {
  const cleaned = raw.replace(/,/g, "");
  if (cleaned.includes("/")) return cleaned;
  const value = Number(cleaned);
  return Number.isFinite(value) ? String(value) : cleaned;
}

/** Lowercase, no markdown, no punctuation, single spaces. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`#>~]/g, " ")
    .replace(/\b(?:the\s+)?(?:final\s+)?answer\s+is\b\s*:?/g, " ")
    .replace(/[^\p{L}\p{N}\s.-]/gu, " ")
    .replace(/(?<!\d)[.-]|[.-](?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function lastNumber(text: string): string | undefined {
  const numbers = text.match(NUMBER);
  const last = numbers?.[numbers.length - 1];
  return last === undefined ? undefined : normalizeNumber(last);
}

/** `{"answer": …}` (possibly fenced) → the answer field as text. */
function jsonAnswer(text: string): string | undefined {
  const candidates = [unfence(text, ["json"]), text.match(/\{[\s\S]*\}/)?.[0] ?? ""];
  for (const candidate of candidates) {
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (parsed && typeof parsed === "object" && "answer" in parsed) {
        const value = (parsed as { answer: unknown }).answer;
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
      }
    } catch {
      // not JSON: fall through to the other extractors
    }
  }
  return undefined;
}

/** The contents of the last \boxed{…}, braces balanced (the convention of math models). */
function boxed(text: string): string | undefined {
  const start = text.lastIndexOf("\\boxed{");
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start + "\\boxed".length; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(start + "\\boxed{".length, i);
  }
  return undefined;
}

/** LaTeX spellings of a number as plain text: \frac{1}{2} → 1/2, $42$ → 42. */
function delatex(text: string): string {
  return text.replace(/\\d?frac\{([^{}]*)\}\{([^{}]*)\}/g, "$1/$2").replace(/\$/g, "");
}

/** What follows the last "Answer:" / "the answer is" / "final answer", up to the end of that line. */
function marked(text: string): string | undefined {
  const matches = [...text.matchAll(/(?:final answer|answer is|answer)\s*(?:is)?\s*[:=]?\s*([^\n]+)/gi)];
  const rest = matches[matches.length - 1]?.[1]?.trim();
  return rest ? rest : undefined;
}

/**
 * The comparable core of an answer, so that voters and cascade agreement compare meaning, not wording:
 * a JSON "answer" field, else a \boxed{} value, else what follows an answer marker, else the whole text;
 * then the final number in it if there is one, otherwise its normalised text.
 */
export function normalizeAnswer(text: string): string {
  const explicit = jsonAnswer(text) ?? boxed(text);
  const candidate = delatex(explicit ?? marked(text) ?? text);
  return lastNumber(candidate) ?? normalizeText(candidate);
}

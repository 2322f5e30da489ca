import type { OutputFormat } from "../spec";
import { fences, hasUnclosedFence, unfence } from "./fences";
import { normalizeAnswer } from "./normalize";

/** The outcome of a format check, with the reason when it fails (shown in fallback/escalation events). */
export type Validation = { ok: true } | { ok: false; reason: string };

const OK: Validation = { ok: true };

export function validateJson(text: string): Validation {
  try {
    JSON.parse(unfence(text, ["json"]));
    return OK;
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : "parse error"})` };
  }
}

export function validateShortAnswer(text: string): Validation {
  const answer = normalizeAnswer(text);
  if (answer === "") return { ok: false, reason: "no answer found" };
  return OK;
}

const PAIRS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
const HASH_COMMENT_LANGS = ["python", "py", "ruby", "rb", "sh", "bash", "shell", "zsh", "yaml", "yml", "r", "perl", "toml"];

/**
 * A syntactic sanity check, never an evaluation: brackets balance outside strings and comments. Quotes that do
 * not close on their line are ignored rather than failing (apostrophes in prose, Rust lifetimes).
 */
export function checkBalanced(code: string, lang = ""): Validation {
  const stack: string[] = [];
  const hashComments = HASH_COMMENT_LANGS.includes(lang);
  for (let i = 0; i < code.length; i++) {
    const c = code[i] ?? "";
    const next = code[i + 1];
    if (c === "/" && next === "/") {
      i = code.indexOf("\n", i) < 0 ? code.length : code.indexOf("\n", i);
    } else if (c === "#" && hashComments) {
      i = code.indexOf("\n", i) < 0 ? code.length : code.indexOf("\n", i);
    } else if (c === "/" && next === "*") {
      const end = code.indexOf("*/", i + 2);
      if (end < 0) return { ok: false, reason: "unclosed block comment" };
      i = end + 1;
    } else if (c === '"' || c === "'" || c === "`") {
      const end = closingQuote(code, i, c);
      if (end >= 0) i = end;
    } else if (c === "(" || c === "[" || c === "{") {
      stack.push(c);
    } else if (c in PAIRS) {
      if (stack.pop() !== PAIRS[c]) return { ok: false, reason: `unbalanced "${c}"` };
    }
  }
  return stack.length === 0 ? OK : { ok: false, reason: `unclosed "${stack[stack.length - 1]}"` };
}

function closingQuote(code: string, start: number, quote: string): number {
  for (let j = start + 1; j < code.length; j++) {
    const c = code[j];
    if (c === "\\") j++;
    else if (c === quote) return j;
    else if (c === "\n" && quote !== "`") return -1;
  }
  return -1;
}

export function validateCode(text: string): Validation {
  if (hasUnclosedFence(text)) return { ok: false, reason: "unclosed code fence" };
  const blocks = fences(text);
  const targets = blocks.length > 0 ? blocks : [{ lang: "", body: text }];
  if (targets.every((b) => b.body.trim() === "")) return { ok: false, reason: "no code" };
  for (const block of targets) {
    const check = checkBalanced(block.body, block.lang);
    if (!check.ok) return check;
  }
  return OK;
}

export function validateList(text: string): Validation {
  const items = text.split("\n").filter((line) => /^\s*(?:[-*•]|\d+[.)])\s+\S/.test(line));
  return items.length > 0 ? OK : { ok: false, reason: "no list items" };
}

/** The validator for a requested output format. Plain text only has to say something. */
export function validateFormat(format: OutputFormat, text: string): Validation {
  if (text.trim() === "") return { ok: false, reason: "empty output" };
  switch (format) {
    case "json":
      return validateJson(text);
    case "short-answer":
      return validateShortAnswer(text);
    case "code":
      return validateCode(text);
    case "list":
      return validateList(text);
    case "text":
      return OK;
  }
}

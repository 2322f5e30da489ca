/**
 * Splits a prompt into the parts the analyzer reads differently.
 *
 * Real prompts are usually an instruction wrapped around pasted material ("Summarize this:\n<article>",
 * "<log>\n\nwhat went wrong?"). The words of the material say little about what the user wants done,
 * so the instruction (first and last lines) is read at full weight and the material in between at a
 * reduced weight. Fenced code is cut out and only counted, so a pasted program does not drown the
 * request that comes with it.
 *
 * Only a bounded head and tail of the prompt is ever scanned: a 1 MB paste costs the same as 8 kB.
 */

import { stripBoilerplate } from "./boilerplate";

/** Characters scanned from the start and the end of a long prompt. */
export const SCAN_HEAD_CHARS = 6_000;
export const SCAN_TAIL_CHARS = 2_000;

/** Prompts this short are read entirely as instruction: there is no room for pasted material. */
const ALL_INSTRUCTION_CHARS = 280;
/** Caps on the instruction region, so one giant first line cannot be "the instruction". */
const HEAD_CAP = 400;
const TAIL_CAP = 300;
/** A closing line longer than this, after a head that asks or introduces ("…?", "…:"), is material. */
const LONG_TAIL_LINE = 160;
/** A first/last line shorter than this ("Hi,", "Thanks!") is extended by its neighbour. */
const SHORT_LINE = 25;

/** Placeholder left where a fenced code block was cut out (letters only, so the tokenizer keeps it). */
export const CODE_PLACEHOLDER = " zzcodeblock ";
/** Placeholder for a fenced block of data (```json, ```csv...): material, not a program. */
export const DATA_PLACEHOLDER = " zzdatablock ";

/** Fence tags that mark data or prose rather than a program. */
const DATA_FENCE_LANGS = new Set(["json", "jsonl", "yaml", "yml", "csv", "tsv", "text", "txt", "plaintext", "md", "markdown", "log", "output"]);

export interface PromptView {
  /** length of the whole prompt, in UTF-16 units */
  totalChars: number;
  /** true when only head + tail were scanned */
  truncated: boolean;
  /** the scanned text, unmodified (head + tail when truncated) */
  scanned: string;
  /** the lines read as the request, lower-cased, code blocks replaced by a placeholder */
  instruction: string;
  /** the remaining scanned text (pasted material), lower-cased, code blocks replaced */
  body: string;
  /** number of fenced code blocks found in the scanned text (data fences such as ```json excluded) */
  codeBlocks: number;
  /** characters inside fenced code blocks */
  codeChars: number;
  /** language tags of fenced blocks (```python → "python") */
  codeLanguages: string[];
  /** the scanned text without data fences, original case: what code-line detection reads */
  codeScan: string;
}

/** List items, quoted lines, "Speaker: ..." transcript lines, table rows, answer options ("b. ..."), lines without words. */
const DATA_LINE = /^(?:[-*\u2022>|"]|\d+[.):]\s|[a-h][.)]\s|[\p{L}\d]+(?: [\p{L}\d]+)?:\s|[^\p{L}]*$)/u;

const FENCE = /```([\w+#.-]*)[^\n]*\n?([\s\S]*?)(?:```|$)/g;

function takeWindow(prompt: string): { scanned: string; truncated: boolean } {
  if (prompt.length <= SCAN_HEAD_CHARS + SCAN_TAIL_CHARS) return { scanned: prompt, truncated: false };
  return {
    scanned: `${prompt.slice(0, SCAN_HEAD_CHARS)}\n${prompt.slice(prompt.length - SCAN_TAIL_CHARS)}`,
    truncated: true,
  };
}

/** Typographic quotes and apostrophes folded to ASCII so one regex serves both keyboards. */
function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb]/g, '"');
}

function splitInstruction(masked: string): { instruction: string; body: string } {
  if (masked.length <= ALL_INSTRUCTION_CHARS) return { instruction: masked, body: "" };
  const lines = masked.split("\n");
  const nonEmpty: number[] = [];
  for (let i = 0; i < lines.length; i++) if ((lines[i] ?? "").trim() !== "") nonEmpty.push(i);
  if (nonEmpty.length <= 1) {
    // One long paragraph: its opening and closing sentences carry the request.
    const only = masked.trim();
    if (only.length <= HEAD_CAP + TAIL_CAP) return { instruction: only, body: "" };
    return {
      instruction: `${only.slice(0, HEAD_CAP)}\n${only.slice(only.length - TAIL_CAP)}`,
      body: only.slice(HEAD_CAP, only.length - TAIL_CAP),
    };
  }
  const used = new Set<number>();
  const overflow: string[] = [];
  const take = (order: number[], cap: number, tail: boolean, headIntroduces = false): string[] => {
    const out: string[] = [];
    let length = 0;
    for (const index of order) {
      if (used.has(index)) break;
      const line = (lines[index] ?? "").trim();
      // The last line of a pasted list or transcript is material, not the request.
      if (tail && DATA_LINE.test(line)) break;
      // "Question?\n\n<paragraph>": once the head has asked, a long closing paragraph is the material it points at.
      if (tail && headIntroduces && out.length === 0 && line.length > LONG_TAIL_LINE) break;
      const room = cap - length;
      out.push(line.slice(0, room));
      // A line longer than the cap keeps its remainder as material rather than losing it.
      if (line.length > room) overflow.push(line.slice(room));
      used.add(index);
      length += line.length;
      // One line that can stand alone is the request; a short one ("Hi,") needs its neighbour.
      if (length >= SHORT_LINE) break;
    }
    return out;
  };
  const head = take(nonEmpty, HEAD_CAP, false);
  const tail = take([...nonEmpty].reverse(), TAIL_CAP, true, /[?:]\s*$/.test(head[head.length - 1] ?? "")).reverse();
  const bodyLines: string[] = [];
  for (const index of nonEmpty) if (!used.has(index)) bodyLines.push(lines[index] ?? "");
  return { instruction: [...head, ...tail].join("\n"), body: [...bodyLines, ...overflow].join("\n") };
}

export function viewPrompt(prompt: string): PromptView {
  const { scanned, truncated } = takeWindow(prompt);
  let codeBlocks = 0;
  let codeChars = 0;
  const codeLanguages: string[] = [];
  const dataFences: string[] = [];
  const masked = foldQuotes(scanned).replace(FENCE, (whole: string, lang: string, body: string) => {
    const tag = lang.toLowerCase();
    if (DATA_FENCE_LANGS.has(tag)) {
      dataFences.push(whole);
      return `\n${DATA_PLACEHOLDER}\n`;
    }
    codeBlocks++;
    codeChars += body.length;
    if (tag) codeLanguages.push(tag);
    return `\n${CODE_PLACEHOLDER}\n`;
  });
  let codeScan = scanned;
  for (const fence of dataFences) codeScan = codeScan.replace(fence, "\n");
  const { instruction, body } = splitInstruction(stripBoilerplate(masked.toLowerCase()));
  return { totalChars: prompt.length, truncated, scanned, instruction, body, codeBlocks, codeChars, codeLanguages, codeScan };
}

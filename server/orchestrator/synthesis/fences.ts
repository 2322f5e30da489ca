/** A fenced code block: its info string (language) and body. */
export interface Fence {
  lang: string;
  body: string;
}

const FENCE = /```([\w+#.-]*)[^\n]*\n([\s\S]*?)```/g;

/** All complete ``` blocks in the text, in order. */
export function fences(text: string): Fence[] {
  return [...text.matchAll(FENCE)].map((m) => ({ lang: (m[1] ?? "").toLowerCase(), body: m[2] ?? "" }));
}

/** An odd number of ``` markers means a block was opened and never closed (often a cut-off reply). */
export function hasUnclosedFence(text: string): boolean {
  return (text.match(/```/g) ?? []).length % 2 === 1;
}

/** The body of the first block tagged `lang` (or untagged), else the text itself, trimmed. */
export function unfence(text: string, langs: readonly string[]): string {
  const block = fences(text).find((f) => f.lang === "" || langs.includes(f.lang));
  return (block ? block.body : text).trim();
}

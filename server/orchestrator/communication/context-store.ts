import type { MessageKind } from "../spec";
import { estimateTokens } from "./tokens";

/** One piece of context delivered to a chain node ("step:<i>") by another node. */
export interface ContextEntry {
  from: string;
  to: string;
  kind: MessageKind;
  content: string;
  tokens: number;
  /** set when the content was cut down to fit a window */
  trimmed?: boolean;
}

/** How many characters of a summarised entry survive in its one-line summary. */
const SUMMARY_HEAD_CHARS = 160;

export function summaryLine(entry: ContextEntry): string {
  const head = entry.content.replace(/\s+/g, " ").trim().slice(0, SUMMARY_HEAD_CHARS);
  return `[earlier ${entry.kind} from ${entry.from} trimmed to fit the context window (${entry.tokens} tokens); it began: "${head}…"]`;
}

function withContent(entry: ContextEntry, content: string): ContextEntry {
  return { ...entry, content, tokens: estimateTokens(content), trimmed: true };
}

function total(entries: readonly ContextEntry[]): number {
  return entries.reduce((sum, e) => sum + e.tokens, 0);
}

/**
 * Fit context into `budget` tokens without reordering it. Oldest entries go first: each is replaced by a
 * one-line summary; if summaries still overflow, the oldest are dropped; if the newest entry alone is too big,
 * its tail is cut. The newest context is what the receiving step is asked to act on, so it is kept longest.
 */
export function fitContext(entries: readonly ContextEntry[], budget: number): ContextEntry[] {
  const fitted = [...entries];
  if (total(fitted) <= budget) return fitted;

  for (let i = 0; i < fitted.length - 1 && total(fitted) > budget; i++) {
    const entry = fitted[i];
    if (!entry) continue;
    const summary = summaryLine(entry);
    if (estimateTokens(summary) < entry.tokens) fitted[i] = withContent(entry, summary);
  }
  while (fitted.length > 1 && total(fitted) > budget) fitted.shift();

  const only = fitted[0];
  if (fitted.length === 1 && only && only.tokens > budget) {
    const marker = "\n…[truncated to fit the context window]";
    const keepChars = Math.max(0, budget * 4 - marker.length);
    fitted[0] = keepChars > 0 ? withContent(only, only.content.slice(0, keepChars) + marker) : withContent(only, "");
    if (fitted[0]?.content === "") fitted.pop();
  }
  return fitted;
}

/** Everything said between the nodes of one task, in delivery order. */
export interface ContextStore {
  add(entry: ContextEntry): void;
  /** entries delivered to `node`, oldest first */
  inbox(node: string): ContextEntry[];
  all(): readonly ContextEntry[];
}

export function createContextStore(): ContextStore {
  const entries: ContextEntry[] = [];
  return {
    add: (entry) => void entries.push(entry),
    inbox: (node) => entries.filter((e) => e.to === node),
    all: () => entries,
  };
}

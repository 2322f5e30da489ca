import type { ChatMessage } from "../spec";

/**
 * A provider-free token estimate (about four characters per token for English and code). Good enough for
 * budgeting context windows and costs before a call; real usage from the provider replaces it afterwards.
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

/** Estimate for a chat input, counting a few tokens of per-message framing. */
export function estimateMessagesTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0);
}

import { ROLLUP_ERROR_KINDS, type RollupErrorKind } from "@/db/rollup-layout";

/**
 * Step rows persist the provider error's message, not its kind, and events recorded before step.failed carried
 * `errorKind` neither, so for those the kind is recovered from the message. The patterns follow the messages
 * ProviderError and the simulated provider produce; anything unmatched is "other" rather than guessed.
 */
export const ERROR_KINDS = ROLLUP_ERROR_KINDS;
export type ErrorKind = RollupErrorKind;

const PATTERNS: [ErrorKind, RegExp][] = [
  // the guard's own refusals first: their messages also mention the model's state, not a provider's status
  ["circuit-open", /circuit breaker/i],
  ["bulkhead-full", /bulkhead full/i],
  ["aborted", /\b(abort|cancel)/i],
  ["rate-limit", /\b429\b|rate.?limit|too many requests/i],
  ["timeout", /time(d)?.?out|deadline/i],
  ["cut-stream", /cut|finish part|stream (ended|closed)|mid-?way/i],
  ["auth", /\b40[13]\b|unauthori[sz]ed|forbidden|api key/i],
  ["bad-request", /\b400\b|\b422\b|bad request|context (window|length)/i],
  ["bad-response", /empty output|bad response|invalid (json|response)|malformed/i],
  ["server", /\b5\d\d\b|server error|internal|overloaded|unavailable/i],
  ["network", /network|ECONN|ENOTFOUND|fetch failed|socket/i],
  ["budget", /budget/i],
];

/**
 * The kind of a failed call: from the ProviderError kind the event carries (`errorKind`), else recovered from its
 * message (events recorded before the kind was, and steps rows, which keep only the message).
 */
export function errorKindOf(message: string | null | undefined, providerKind?: string): ErrorKind {
  // the task's own latency budget ran out: counted with the other budget stops
  if (providerKind === "deadline") return "budget";
  if (providerKind && (ERROR_KINDS as readonly string[]).includes(providerKind)) return providerKind as ErrorKind;
  if (!message) return "other";
  for (const [kind, pattern] of PATTERNS) if (pattern.test(message)) return kind;
  return "other";
}

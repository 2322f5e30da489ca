/**
 * Steps persist the provider error's message, not its kind (step.failed carries `error: string`), so
 * the kind is recovered from the message. The patterns follow the messages ProviderError and the
 * simulated provider produce; anything unmatched is "other" rather than guessed.
 */
export const ERROR_KINDS = ["rate-limit", "timeout", "server", "network", "auth", "bad-request", "bad-response", "cut-stream", "aborted", "budget", "other"] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

const PATTERNS: [ErrorKind, RegExp][] = [
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

export function errorKindOf(message: string | null | undefined): ErrorKind {
  if (!message) return "other";
  for (const [kind, pattern] of PATTERNS) if (pattern.test(message)) return kind;
  return "other";
}

/** Folds (message, count) rows into counts per kind, in ERROR_KINDS order, zero kinds left out. */
export function countByKind(rows: readonly { error: string | null; n: number }[]): { kind: ErrorKind; count: number }[] {
  const counts = new Map<ErrorKind, number>();
  for (const row of rows) {
    const kind = errorKindOf(row.error);
    counts.set(kind, (counts.get(kind) ?? 0) + row.n);
  }
  return ERROR_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}

/** Characters per streamed delta: about four tokens, the cadence real providers stream at. */
const CHARS_PER_DELTA = 16;
/** Long replies are sent in at most this many deltas, so a stream is a few dozen waits, not thousands. */
const MAX_DELTAS = 48;

/**
 * Splits a reply into stream deltas of roughly equal size, on code-point boundaries (never inside a
 * surrogate pair), with at least two deltas whenever the text has two characters.
 */
export function splitIntoDeltas(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length <= 1) return [text];
  const count = Math.min(MAX_DELTAS, Math.max(2, Math.ceil(chars.length / CHARS_PER_DELTA)));
  const size = Math.ceil(chars.length / count);
  const deltas: string[] = [];
  for (let i = 0; i < chars.length; i += size) deltas.push(chars.slice(i, i + size).join(""));
  return deltas;
}

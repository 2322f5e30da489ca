import type { Call, PreparedItem } from "../prepare";

/**
 * Features for the learned gate. Prompt features exist before any call (the analyzer's primary capability and
 * cheap counts over the prompt); answer features only after the first-stage models have answered (who agrees with
 * whom, the answer's form, how long the answers were). Every feature is scaled to roughly [0, 1] so one ridge
 * strength suits all of them.
 */

const log = (x: number, scale: number) => Math.log1p(Math.max(0, x)) / scale;

export function promptFeatures(item: PreparedItem): number[] {
  const p = item.prompt ?? { chars: 0, digits: 0, latex: 0, codeWords: 0 };
  const primary = item.requirements.primary;
  return [1, primary === "code" ? 1 : 0, primary === "math" ? 1 : 0, p.latex > 0 ? 1 : 0, log(p.chars, 8), log(p.digits, 5), log(p.latex, 4), log(p.codeWords, 4)];
}

/** One distinct answer among the models called: who gave it and whether it is right (known to the replay only). */
export interface Candidate {
  key: string;
  givers: string[];
  call: Call;
}

/** The distinct parsed answers among `called`, in call order; unparsed answers are no candidate. */
export function candidates(item: PreparedItem, called: readonly string[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const id of called) {
    const call = item.calls.get(id);
    if (!call || call.key === null) continue;
    const c = byKey.get(call.key);
    if (c) c.givers.push(id);
    else byKey.set(call.key, { key: call.key, givers: [id], call });
  }
  return [...byKey.values()];
}

const isInteger = (key: string) => /^#-?\d+$/.test(key);

function meanOutputChars(item: PreparedItem, ids: readonly string[]): number {
  const lengths = ids.map((id) => item.calls.get(id)?.outputChars ?? 0);
  return lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
}

/**
 * One candidate answer, given the set of models asked: which of them gave it (one weight per model, and per model
 * again on LaTeX prompts, where the cheap models' reliability differs), its vote share, whether it is the
 * plurality, whether it is an integer, and how long its givers' answers ran (long answers go with hard items).
 */
export function answerFeatures(item: PreparedItem, asked: readonly string[], c: Candidate, all: readonly Candidate[]): number[] {
  const latex = (item.prompt?.latex ?? 0) > 0 ? 1 : 0;
  const gave = asked.map((id) => (c.givers.includes(id) ? 1 : 0));
  const share = c.givers.length / asked.length;
  const top = Math.max(...all.map((o) => o.givers.length));
  return [1, latex, ...gave, ...gave.map((g) => g * latex), share, share * latex, c.givers.length === top ? 1 : 0, isInteger(c.key) ? 1 : 0, log(meanOutputChars(item, c.givers), 8)];
}

/**
 * What the gate knows after the first stage, before deciding to escalate: the prompt features, the first-stage
 * pick's confidence (and its logit), how split the answers are, how long they ran, the pick's form, and which
 * first-stage models agree with the pick.
 */
export function gateFeatures(item: PreparedItem, first: readonly string[], pick: { key: string | null; p: number }, all: readonly Candidate[]): number[] {
  const p = Math.min(1 - 1e-4, Math.max(1e-4, pick.p));
  const top = all.length ? Math.max(...all.map((o) => o.givers.length)) : 0;
  const agree = first.map((id) => (pick.key !== null && item.calls.get(id)?.key === pick.key ? 1 : 0));
  return [
    ...promptFeatures(item),
    p,
    Math.log(p / (1 - p)) / 5,
    all.length / first.length,
    top / first.length,
    log(meanOutputChars(item, first.filter((id) => item.calls.has(id))), 8),
    pick.key !== null && isInteger(pick.key) ? 1 : 0,
    ...agree,
  ];
}

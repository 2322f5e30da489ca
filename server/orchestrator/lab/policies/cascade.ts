import type { Decision } from "../decision";
import type { Call, PreparedItem } from "../prepare";
import type { OnlineRoster } from "./learned";

/**
 * A cascade as Ensemble's chains/cascade.ts runs it with the agreement gate: the two `cheap` models answer (in
 * parallel; both are paid); when their answers agree the cascade accepts. Otherwise `middle` answers and is accepted
 * when it agrees with either cheap answer; otherwise `top` answers and its answer stands (the top tier is accepted
 * without a check). No `middle`: straight to `top`. No `top`: the middle answer stands.
 */
export interface CascadeConfig {
  cheap: readonly [string, string];
  middle?: string;
  top?: string;
}

export function describeCascade(c: CascadeConfig): string {
  const tail = [c.middle && `${c.middle} if they disagree`, c.top && `${c.top} if still no agreement`].filter(Boolean).join(", then ");
  return `${c.cheap[0]} + ${c.cheap[1]} agree → accept${tail ? `; else ${tail}` : ""}`;
}

const agree = (a: Call | undefined, b: Call | undefined) => a !== undefined && b !== undefined && a.key !== null && a.key === b.key;

/**
 * When no gate passes, the chain settles on the last answer it got that parsed (Tally.settle: the most capable
 * format-valid answer), else the last answer at all.
 */
function settle(calls: readonly (Call | undefined)[]): Call | undefined {
  const got = calls.filter((c): c is Call => c !== undefined);
  return [...got].reverse().find((c) => c.key !== null) ?? got[got.length - 1];
}

/** The cascade on one item, paying for every model it called. `observe` lets an online roster learn from each call. */
export function cascadeOne(item: PreparedItem, c: CascadeConfig, observe?: (modelId: string, call: Call) => void): Decision {
  const called: string[] = [];
  let cost = 0;
  const call = (id: string): Call | undefined => {
    const got = item.calls.get(id);
    if (!got) return undefined; // no recording: the call failed, and a failed call escalates
    called.push(id);
    cost += got.costUsd;
    observe?.(id, got);
    return got;
  };
  const done = (answer: Call | undefined): Decision => ({ correct: answer?.correct ?? false, costUsd: cost, models: called });
  const a = call(c.cheap[0]);
  const b = call(c.cheap[1]);
  if (agree(a, b)) return done(b);
  let m: Call | undefined;
  if (c.middle) {
    m = call(c.middle);
    if (agree(m, a) || agree(m, b)) return done(m);
  }
  if (c.top) return done(settle([a, b, m, call(c.top)]));
  return done(settle([a, b, m]));
}

export function cascade(items: readonly PreparedItem[], c: CascadeConfig, roster?: OnlineRoster): Decision[] {
  return items.map((item) => cascadeOne(item, c, roster && ((id, got) => roster.observe(id, item, got.correct))));
}

/**
 * A majority vote of the given voters (odd count); with no majority the first voter's answer stands (the vote's
 * tie-break by capability profile, here the tuned order). Every voter is paid.
 */
export function vote(items: readonly PreparedItem[], voters: readonly string[]): Decision[] {
  return items.map((item) => {
    const calls = voters.flatMap((id) => {
      const got = item.calls.get(id);
      return got ? [[id, got] as const] : [];
    });
    const counts = new Map<string, number>();
    for (const [, c] of calls) if (c.key !== null) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
    let winner: string | null = null;
    for (const [key, n] of counts) if (n * 2 > calls.length) winner = key;
    const answer = calls.find(([, c]) => winner !== null && c.key === winner)?.[1] ?? calls[0]?.[1];
    return { correct: answer?.correct ?? false, costUsd: calls.reduce((s, [, c]) => s + c.costUsd, 0), models: calls.map(([id]) => id) };
  });
}

import type { Decision } from "../decision";
import type { Call, PreparedItem } from "../prepare";
import type { OnlineRoster } from "./learned";

/**
 * A cascade as Ensemble's chains/cascade.ts runs it with the agreement gate (`byAgreement`): the answer steps in
 * escalation order. The first two answer in parallel (both are paid) and the cascade accepts when their parsed
 * answers agree; otherwise the next model answers and is accepted as soon as it agrees with any earlier answer,
 * one model at a time. When no answer ever agrees, the last parsed answer stands (Tally.settle: the most capable
 * format-valid answer), else the last answer at all. The planner's verifier tier is replayed as the last answer
 * step: the data records no YES/NO verdicts; in the engine that tier answers when it rejects the tiers below, and
 * its own answer is taken unchecked.
 */
export interface CascadeConfig {
  /** escalation order, at least two models */
  answers: readonly string[];
}

export function describeCascade(c: CascadeConfig): string {
  const [a, b, ...rest] = c.answers;
  const tail = rest.length ? `; else ${rest.join(", then ")}, one at a time until an answer agrees with an earlier one (else the last answer stands)` : "; else the second answer stands";
  return `${a} + ${b} agree → accept${tail}`;
}

/** The cascade on one item, paying for every model it called. `observe` lets an online roster learn from each call. */
export function cascadeOne(item: PreparedItem, c: CascadeConfig, observe?: (modelId: string, call: Call) => void): Decision {
  const called: string[] = [];
  const seen: Call[] = [];
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
  const agreesWithEarlier = (got: Call) => got.key !== null && seen.some((s) => s.key === got.key);
  for (let i = 0; i < c.answers.length; i++) {
    const got = call(c.answers[i] as string);
    if (!got) continue;
    // the first two run in parallel: the gate is checked once both are in
    if (i >= 1 && agreesWithEarlier(got)) return done(got);
    seen.push(got);
  }
  return done(settle(seen));
}

/** No gate passed: the last answer that parsed, else the last answer at all. */
function settle(calls: readonly Call[]): Call | undefined {
  return [...calls].reverse().find((c) => c.key !== null) ?? calls[calls.length - 1];
}

export function cascade(items: readonly PreparedItem[], c: CascadeConfig, roster?: OnlineRoster): Decision[] {
  return items.map((item) => cascadeOne(item, c, roster && ((id, got) => roster.observe(id, item, got.correct))));
}

import type { Decision } from "../decision";
import type { Call, PreparedItem } from "../prepare";

/** A voter's strength on an item: what the engine's tie-break reads from the capability profile. */
export type Strength = (modelId: string, item: PreparedItem) => number;

/**
 * Each model's accuracy on each primary capability over the tuning items, Beta(1, 1)-smoothed: the lab's stand-in
 * for the capability profile's posterior mean that the engine's vote breaks ties by (chains/tie-break.ts).
 */
export function strengthOnTune(tune: readonly PreparedItem[]): Strength {
  const tally = new Map<string, { right: number; n: number }>();
  for (const item of tune) {
    for (const [id, call] of item.calls) {
      const key = `${id}\u0000${item.requirements.primary}`;
      const t = tally.get(key) ?? { right: 0, n: 0 };
      t.n++;
      if (call.correct) t.right++;
      tally.set(key, t);
    }
  }
  return (id, item) => {
    const t = tally.get(`${id}\u0000${item.requirements.primary}`);
    return t ? (t.right + 1) / (t.n + 2) : 0.5;
  };
}

interface Group {
  voters: Array<{ at: number; id: string; call: Call }>;
  strength: number;
}

/**
 * A vote as chains/vote.ts runs it: every voter answers and is paid; the answer given by the most voters wins;
 * equal-sized groups go to the higher mean strength of their voters, then to the group whose first voter comes
 * first in `voters`. With no parsed answer at all, the first voter's reply stands (wrong: it has no answer).
 */
export function vote(items: readonly PreparedItem[], voters: readonly string[], strength?: Strength): Decision[] {
  return items.map((item) => {
    const calls = voters.flatMap((id, at) => {
      const call = item.calls.get(id);
      return call ? [{ at, id, call }] : [];
    });
    const groups = new Map<string, Group>();
    for (const v of calls) {
      if (v.call.key === null) continue;
      const g = groups.get(v.call.key) ?? { voters: [], strength: 0 };
      g.voters.push(v);
      groups.set(v.call.key, g);
    }
    for (const g of groups.values()) g.strength = strength ? g.voters.reduce((s, v) => s + strength(v.id, item), 0) / g.voters.length : 0;
    const winner = [...groups.values()].sort(
      (a, b) => b.voters.length - a.voters.length || b.strength - a.strength || (a.voters[0]?.at ?? 0) - (b.voters[0]?.at ?? 0),
    )[0];
    const answer = winner?.voters[0]?.call ?? calls[0]?.call;
    return { correct: answer?.correct ?? false, costUsd: calls.reduce((s, v) => s + v.call.costUsd, 0), models: calls.map((v) => v.id) };
  });
}

import { CAPABILITIES } from "../spec/capability";
import type { Evidence } from "../spec/task";
import type { Contribution } from "./linear-model";
import type { RuleHit } from "./rules";

/** Turns rule hits and learned-feature contributions into the human-readable evidence trail. */

const round = (x: number, places = 3): number => Math.round(x * 10 ** places) / 10 ** places;

export function ruleEvidence(hits: readonly RuleHit[], ruleScale: number, limit: number): Evidence[] {
  return [...hits]
    .sort((a, b) => Math.abs(b.boost) - Math.abs(a.boost))
    .slice(0, limit)
    .map((hit) => ({
      feature: hit.kind,
      // A keyword hit quotes the words that fired; a structural one names the signal.
      detail: `${hit.kind === "keyword" ? `'${hit.match.trim()}'` : hit.match} ${hit.boost < 0 ? "→ not" : "→"} ${hit.capability} (rule ${hit.id})`,
      weight: round(hit.boost * ruleScale),
    }));
}

function describeFeature(feature: string): string {
  const [family, ...rest] = feature.split(":");
  const value = rest.join(":").replace(/_/g, " ");
  switch (family) {
    case "w":
      return `word '${value}'`;
    case "b":
      return `phrase '${value}'`;
    case "p":
      return `word starting '${value}…'`;
    case "f":
      return `opens with '${value}'`;
    case "s":
      return `signal ${value}`;
    case "r":
      return `rule ${value}`;
    default:
      return feature;
  }
}

export function learnedEvidence(contributions: readonly Contribution[], classIndex: number): Evidence[] {
  const capability = CAPABILITIES[classIndex] ?? "chat";
  return contributions.map((c) => ({ feature: "learned", detail: `${describeFeature(c.feature)} → ${capability}`, weight: round(c.amount) }));
}

export function scoreEvidence(probabilities: readonly number[]): Evidence {
  const ranked = CAPABILITIES.map((c, i) => ({ c, p: probabilities[i] ?? 0 }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3);
  return { feature: "scores", detail: ranked.map((r) => `${r.c} ${r.p.toFixed(2)}`).join(", "), weight: round(ranked[0]?.p ?? 0) };
}

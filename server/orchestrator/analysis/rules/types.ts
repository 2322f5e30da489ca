import type { Capability } from "../../spec/capability";
import type { PromptView } from "../prompt-view";
import type { PromptSignals } from "../signals";

/** A rule that fired: which capability it pushes, by how much, and the text that triggered it. */
export interface RuleHit {
  id: string;
  capability: Capability;
  boost: number;
  /** the text (or signal) that fired, for the evidence trail */
  match: string;
  /** "keyword": a phrase of the instruction matched; "structure": a signal (pasted code, numbers) did */
  kind: "keyword" | "structure";
}

export interface RuleContext {
  /** the instruction, lower-cased, diacritics folded, long quotes masked */
  text: string;
  view: PromptView;
  signals: PromptSignals;
}

/** A hand-written cue: a pattern over `text`, or a test over the whole context. */
export interface Rule {
  id: string;
  capability: Capability;
  /** logit units, before the global RULE_SCALE; negative boosts veto a capability */
  boost: number;
  pattern?: RegExp;
  /** for structural rules: returns what matched, or null */
  test?: (ctx: RuleContext) => string | null;
  /** defaults to "keyword" for patterns, "structure" for tests */
  kind?: RuleHit["kind"];
}

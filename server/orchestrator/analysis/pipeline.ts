import { CAPABILITIES, type Capability } from "../spec/capability";
import { extractFeatures, type FeatureVector } from "./features";
import { viewPrompt, type PromptView } from "./prompt-view";
import { applyRules, type RuleHit } from "./rules";
import { readSignals, type PromptSignals } from "./signals";

/**
 * Everything the analyzer derives from the prompt text before scoring. `train.ts` calls the same
 * function, so the model is trained on exactly what it will see at run time.
 */
export interface PreparedPrompt {
  view: PromptView;
  signals: PromptSignals;
  hits: RuleHit[];
  features: FeatureVector;
  /** summed rule boosts per capability, in CAPABILITIES order, before RULE_SCALE */
  ruleBoosts: number[];
}

/** One rule family cannot push a capability further than this, however many of its rules fire. */
export const MAX_RULE_BOOST = 5;

const CAPABILITY_INDEX = new Map<Capability, number>(CAPABILITIES.map((c, i) => [c, i]));

export function capabilityIndex(capability: Capability): number {
  return CAPABILITY_INDEX.get(capability) ?? 0;
}

export function preparePrompt(prompt: string): PreparedPrompt {
  const view = viewPrompt(prompt);
  const signals = readSignals(view);
  const hits = applyRules(view, signals);
  const ruleBoosts = new Array<number>(CAPABILITIES.length).fill(0);
  for (const hit of hits) {
    const i = capabilityIndex(hit.capability);
    ruleBoosts[i] = Math.min(MAX_RULE_BOOST, (ruleBoosts[i] ?? 0) + hit.boost);
  }
  const features = extractFeatures(
    view,
    signals,
    hits.map((h) => h.id),
  );
  return { view, signals, hits, features, ruleBoosts };
}

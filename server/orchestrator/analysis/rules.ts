import type { PromptView } from "./prompt-view";
import { BRAINSTORMING_RULES } from "./rules/brainstorming";
import { CHAT_RULES } from "./rules/chat";
import { CLASSIFICATION_RULES } from "./rules/classification";
import { CODE_RULES } from "./rules/code";
import { EXTRACTION_RULES } from "./rules/extraction";
import { KNOWLEDGE_RULES } from "./rules/knowledge";
import { MATH_RULES } from "./rules/math";
import { NON_ENGLISH_RULES } from "./rules/non-english";
import { REASONING_RULES } from "./rules/reasoning";
import { ROLEPLAY_RULES } from "./rules/roleplay";
import { SUMMARIZATION_RULES } from "./rules/summarization";
import { TRANSLATION_RULES } from "./rules/translation";
import type { Rule, RuleContext, RuleHit } from "./rules/types";
import { WRITING_RULES } from "./rules/writing";
import type { PromptSignals } from "./signals";

export type { RuleHit } from "./rules/types";

/**
 * High-precision cues, written by hand (one file per capability under rules/). Each adds `boost`
 * (in logit units, before the global `RULE_SCALE`) to one capability when it matches the
 * instruction. The learned model was trained with these boosts as fixed offsets, so it learned
 * only what the rules miss.
 *
 * Rules read the instruction only, with long quoted passages masked: "Translate 'please summarize
 * the report' into French" is a translation, whatever the quoted words say.
 */
const RULES: readonly Rule[] = [
  ...TRANSLATION_RULES,
  ...CODE_RULES,
  ...MATH_RULES,
  ...REASONING_RULES,
  ...KNOWLEDGE_RULES,
  ...WRITING_RULES,
  ...ROLEPLAY_RULES,
  ...EXTRACTION_RULES,
  ...SUMMARIZATION_RULES,
  ...CLASSIFICATION_RULES,
  ...BRAINSTORMING_RULES,
  ...CHAT_RULES,
  ...NON_ENGLISH_RULES,
];

/** Long double-quoted passages are content, not instruction. Short ones ("carpe diem") stay. */
const LONG_QUOTE = /"[^"\n]{25,}"/g;

export function ruleText(view: PromptView): string {
  // Diacritics folded so ASCII patterns (and JavaScript's ASCII \b) work on "übersetze", "résume".
  return view.instruction.replace(LONG_QUOTE, ' "zzquote" ').normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

export function applyRules(view: PromptView, signals: PromptSignals): RuleHit[] {
  const ctx: RuleContext = { text: ruleText(view), view, signals };
  const hits: RuleHit[] = [];
  for (const rule of RULES) {
    let match: string | null = null;
    const kind = rule.kind ?? (rule.pattern ? "keyword" : "structure");
    if (rule.pattern) {
      const m = rule.pattern.exec(ctx.text);
      match = m ? m[0] : null;
    } else if (rule.test) {
      match = rule.test(ctx);
    }
    if (match !== null) hits.push({ id: rule.id, capability: rule.capability, boost: rule.boost, match: match.slice(0, 48), kind });
  }
  return hits;
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

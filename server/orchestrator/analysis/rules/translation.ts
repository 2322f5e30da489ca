import { LANGS, LANGUAGE_NAME } from "./languages";
import type { Rule } from "./types";

/** Translation cues: a translate verb, a target language, "how do you say", the meaning of foreign words. */
export const TRANSLATION_RULES: Rule[] = [
  { id: "translate-verb", capability: "translation", boost: 2.5, pattern: /\b(?:trans?l[ae]?te?s?|translat\w*|transalt\w*|traduc\w*|traduire|traduci|traduz\w*|ubersetz\w*|przetlumacz\w*)\b/ },
  { id: "into-language", capability: "translation", boost: 1.2, pattern: new RegExp(`\\b(?:in|into|to|ins|en|auf)\\s+(?:(?:plain|formal|polite|simplified|traditional|brazilian|business)\\s+)?(?:${LANGS})\\b`) },
  { id: "language-pair", capability: "translation", boost: 2.5, pattern: new RegExp(`\\b(?:${LANGS})\\s*(?:\\([^)]*\\)\\s*)?(?:to|->|→|into)\\s+(?:${LANGS})\\b`) },
  { id: "how-say", capability: "translation", boost: 3, pattern: /\bhow (?:do|would|can|should|to) (?:you|i|we|one|a native speaker)?\s*say\b|\bwhat(?:'s| is) (?:the )?(?:\w+ )?(?:word|phrase|term) for\b/ },
  { id: "what-is-in-language", capability: "translation", boost: 2.5, pattern: new RegExp(`\\bwhat(?:'s| is) (?:the )?(?:${LANGS}) (?:for|word)\\b|\\bwhat(?:'s| is) "[^"]{1,60}" in (?:${LANGS})\\b`) },
  { id: "language-word", capability: "translation", boost: 2.5, pattern: new RegExp(`\\b(?:${LANGS}) (?:version|translation) of\\b|\\bthe (?:${LANGS}) (?:word|phrase|expression|saying|proverb|idiom|for)\\b|\\b(?:${LANGS}) (?:meaning|equivalent) of\\b|\\bmeaning of (?:the )?(?:${LANGS})\\b`) },
  {
    id: "meaning-foreign",
    capability: "translation",
    boost: 2.2,
    test: ({ text, signals }) =>
      (signals.nonLatinShare > 0.2 || signals.romanceOrGermanic || LANGUAGE_NAME.test(text) || /\b(?:word|phrase|proverb|sign|idiom|expression|saying)\b|"[^"\s]+(?: [^"\s]+){0,3}"|(?:^|\s)'[^'\s]+(?: [^'\s]+){0,3}'/.test(text)) &&
      /\bwhat (?:does|do|did) .{1,80} (?:mean|say)\b|\bmeaning of\b|\bwhat(?:'s| is| are) (?:it|this|that|he|she|they|these) (?:saying|say)\b|\bwhat (?:it|this|that) (?:says|means)\b/.test(text)
        ? "asks what foreign text means"
        : null,
  },
  // Chinese/Japanese/Korean/Russian requests: read on the raw instruction, because the diacritic fold would split Hangul.
  {
    id: "translate-verb-script",
    capability: "translation",
    boost: 3.5,
    test: ({ view }) => /翻译|翻譯|翻訳|번역|怎么说|怎麼說|用英语|用英文|用中文|英語で|英語に|영어로|перевед|переклад/.exec(view.instruction)?.[0] ?? null,
  },
  // "whats cheers in polish", "thank you in japanese?"
  { id: "word-in-language", capability: "translation", boost: 2.5, pattern: new RegExp(`\\bwhat(?:'s| is|s)\\b[^.?!\\n]{1,40}\\bin (?:${LANGS})\\b|^[^.?!\\n]{1,40} in (?:${LANGS})\\s*\\??$`) },
  // "Translate this argument into propositional logic", "turn the word problem into an equation": not a natural language.
  { id: "translate-not-language", capability: "translation", boost: -3, pattern: /\b(?:translate|convert|turn)\b[^.\n]{0,50}\binto (?:propositional |predicate |first-order |formal |symbolic )?(?:logic|code|pseudo-?code|an? (?:equation|formula|inequality|expression|regex|sql query)|equations|math(?:ematical)? (?:notation|terms))\b/ },
];

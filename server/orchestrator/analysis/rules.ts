import type { Capability } from "../spec/capability";
import type { PromptView } from "./prompt-view";
import type { PromptSignals } from "./signals";

/**
 * High-precision cues, written by hand. Each adds `boost` (in logit units, before the global
 * `RULE_SCALE`) to one capability when it matches the instruction. The learned model was trained
 * with these boosts as fixed offsets, so it learned only what the rules miss.
 *
 * Rules read the instruction only, with long quoted passages masked: "Translate 'please summarize
 * the report' into French" is a translation, whatever the quoted words say.
 */
export interface RuleHit {
  id: string;
  capability: Capability;
  boost: number;
  /** the text (or signal) that fired, for the evidence trail */
  match: string;
  /** "keyword": a phrase of the instruction matched; "structure": a signal (pasted code, numbers) did */
  kind: "keyword" | "structure";
}

interface RuleContext {
  text: string;
  view: PromptView;
  signals: PromptSignals;
}

interface Rule {
  id: string;
  capability: Capability;
  boost: number;
  pattern?: RegExp;
  /** for structural rules: returns what matched, or null */
  test?: (ctx: RuleContext) => string | null;
  /** defaults to "keyword" for patterns, "structure" for tests */
  kind?: RuleHit["kind"];
}

const LANGS =
  "english|spanish|french|german|italian|portuguese|japanese|chinese|mandarin|cantonese|korean|russian|arabic|hindi|dutch|swedish|norwegian|danish|finnish|polish|turkish|greek|hebrew|vietnamese|thai|indonesian|malay|swahili|ukrainian|czech|romanian|hungarian|tagalog|filipino|persian|farsi|urdu|bengali|latin|catalan|ingles|espanol|frances|aleman|anglais|francais|allemand|englisch\\w*|deutsch\\w*|inglese|italiano";
/** Target languages for code conversion; "go" and "c" are left out: "translate 'time to go' to..." */
const CODE_LANGS =
  "python|javascript|js|typescript|golang|rust|java|kotlin|swift|scala|haskell|ruby|php|perl|lua|c\\+\\+|c#|sql|bash|powershell";

const LANGUAGE_NAME = new RegExp(`\\b(?:${LANGS})\\b`);

const RULES: Rule[] = [
  // translation
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
      (signals.nonLatinShare > 0.2 || signals.romanceOrGermanic || LANGUAGE_NAME.test(text) || /\b(?:word|phrase|proverb|sign|idiom)\b|"[^"\s]+(?: [^"\s]+){0,3}"/.test(text)) &&
      /\bwhat (?:does|do) .{1,80} (?:mean|say)\b|\bmeaning of\b/.test(text)
        ? "asks what foreign text means"
        : null,
  },
  // code
  { id: "write-code-artifact", capability: "code", boost: 3.5, pattern: /\b(?:write|implement|create|build|code|make|generate|give me|need|show me)\b[^.?!\n]{0,50}\b(?:function|method|class|script(?! for (?:a|an|my|the) (?:video|film|movie|youtube|podcast|play|commercial|skit|scene))|program|regex|regexp|regular expression|(?:sql )?query|endpoint|api|component|unit tests?|tests? for|algorithm|cli|dockerfile|one-liner|module|hook|decorator|workflow|makefile|data class|struct|lambda|snippet|code)\b/ },
  // Words that are also plain English (react, swift, rust, node...) only count after "in/using/with".
  { id: "code-language", capability: "code", boost: 2, pattern: /\b(?:python|javascript|typescript|java|golang|ruby|php|kotlin|scala|haskell|perl|powershell|sql|postgres(?:ql)?|mysql|sqlite|html|css|flexbox|reactjs|vue|angular|node\.?js|django|flask|fastapi|pandas|numpy|dockerfile|docker|kubernetes|kubectl|git|github actions|npm|pip|venv|jest|pytest|graphql|terraform|regex|excel formula|vba|json schema|zod|useeffect|usestate|async\/await)\b|\bc(?:\+\+|#)(?!\w)|\b(?:in|using|with|for) (?:react|node|swift|rust|go|c|lua|bash|excel)\b|\breact (?:component|hook|app|native|state|list|query|router)/ },
  { id: "error-trace", capability: "code", boost: 3, test: ({ signals }) => (signals.errorTrace ? "error message / stack trace" : null) },
  { id: "debug-refactor", capability: "code", boost: 2.5, pattern: /\b(?:debug\w*|refactor\w*|fix (?:this|my|the) (?:code|function|script|bug|query|loop|test|regex|program)|code review|review (?:my|this) (?:code|pr|pull request)|time complexity|big[- ]o|optimi[sz]e (?:this|my) (?:code|query|function)|compil(?:e|er|ing)|runtime error|memory leak|race condition|deadlock|null ?pointer|syntax error)\b/ },
  { id: "code-tooling", capability: "code", boost: 2.5, pattern: /\b(?:one-liner|shell command|bash command|terminal command|git command|cli command|command to|command line)\b|\b(?:convert|refactor|rewrite|port|migrate|clean up|modernize|optimi[sz]e|speed up|make)\b[^.?\n]{0,40}\b(?:code|function|script|query|class|method|loop|snippet|program)\b/ },
  { id: "convert-code", capability: "code", boost: 4, pattern: new RegExp(`\\b(?:translate|convert|port|rewrite|turn)\\b[^.\\n]{0,60}\\b(?:to|into|in)\\s+(?:idiomatic\\s+)?(?:${CODE_LANGS})(?!\\w)`) },
  { id: "convert-code-not-language", capability: "translation", boost: -3, pattern: new RegExp(`\\b(?:translate|convert|port)\\b[^.\\n]{0,60}\\b(?:to|into|in)\\s+(?:idiomatic\\s+)?(?:${CODE_LANGS})(?!\\w)`) },
  { id: "tech-terms", capability: "code", boost: 1.2, pattern: /\b(?:api|apis|localhost|cors|json|http|https|endpoint|frontend|backend|null|undefined|async|callback|runtime|repo|pull request|deploy\w*|webpack|vite|eslint|js|jsx|tsx|sdk|vscode|linux|ssh|ci\/cd|stdout|stderr|env var\w*|environment variables?)\b/ },
  { id: "inline-code", capability: "code", boost: 1.2, test: ({ view }) => (/`[^`\n]{3,}`/.test(view.instruction) ? "inline code span" : null) },
  { id: "pasted-code", capability: "code", boost: 1.2, test: ({ signals, view }) => (signals.pastedCode ? `pasted code${view.codeLanguages.length > 0 ? ` (${view.codeLanguages.join(", ")})` : ""}` : null) },
  // math
  { id: "arithmetic", capability: "math", boost: 1.5, test: ({ signals }) => (signals.arithmetic ? "arithmetic expression" : null) },
  { id: "math-term", capability: "math", boost: 2, pattern: /\b(?:solve (?:for|the (?:equation|system|inequality))|equations?|derivative|differentiate|integra(?:l|te)|antiderivative|limit of|eigen\w*|determinant|matri(?:x|ces)|factorial|logarithm|log base|quadratic|polynomial|theorem|lemma|prove that|proof|by induction|expected value|variance|standard deviation|median|the mean|gcd|lcm|least common multiple|greatest common divisor|prime (?:number|factor\w*)|fractions?|percent(?:age)?|square root|sqrt|cube root|hypotenuse|perimeter|area of|volume of|circumference|parabola|slope|series|converge\w*|taylor|maclaurin|differential equation|confidence interval|z-test|t-test|p-value|binomial|permutations?|combinations?|how many ways|trailing zeros|compound(?:ed)? interest|probability|odds of|chance (?:that|of)|amortization|irrational|divisible|congruent|diagonals?|hexagon|pentagon|octagon|polygon|triangle|rectangle|circle|sphere|cylinder|cone|cube root|angles?|degrees celsius|celsius|fahrenheit|interest rate|discount(?:ed)?|marks? up|markup|% off|mph|km\/h|per hour)\b/ },
  { id: "math-percent", capability: "math", boost: 1.5, pattern: /\d\s*%\s*of\s+\$?\d|\bwhat(?:'s| is|s) \$?\d/ },
  { id: "math-verbal-op", capability: "math", boost: 2.5, pattern: /\b\d+(?:\.\d+)?\s+(?:plus|minus|times|divided by|multiplied by|to the power of|squared|cubed)\b/ },
  { id: "math-calc", capability: "math", boost: 1.5, pattern: /\b(?:calculate|compute|simplify|evaluate the (?:integral|expression|limit|sum)|factori[sz]e|round(?:ed)? to the nearest)\b/ },
  {
    id: "word-problem",
    capability: "math",
    boost: 1.5,
    test: ({ text, signals }) =>
      signals.instructionNumbers >= 2 &&
      (/\b(?:how (?:many|much|long|far|high|fast)|what (?:is|was|'s) the (?:total|average|probability|chance|cost|price|original)|what time|find the|how old)\b/.test(text) ||
        (signals.question && /[%$€£]|\b(?:percent|cost|price|rate|total|hours?|minutes?|miles|km|kg|pounds|dollars)\b/.test(text)))
        ? "numeric word problem"
        : null,
  },
  // reasoning
  { id: "puzzle", capability: "reasoning", boost: 3, pattern: /\b(?:riddle|puzzle|brain ?teaser|lateral thinking|knights? and knaves|knight or (?:a )?knave|always lies|always tells? the truth|truth[- ]tellers?|only one (?:of them )?is (?:telling the truth|lying))\b/ },
  { id: "logic-terms", capability: "reasoning", boost: 2.5, pattern: /\b(?:syllogism|deduce|deduction|valid (?:argument|inference|conclusion)|(?:argument|inference|reasoning) valid|fallac(?:y|ies)|premises?|(?:conclusion|it) (?:follows?|valid)|necessarily (?:true|follow)|logically follow|rule of inference|modus (?:ponens|tollens)|contrapositive|paradox\w*|steelman|strawman|circular reasoning|confound\w*|correlation|causation|causes? (?:it|the)\b.{0,20}\?|what (?:can|can't) (?:we|i) conclude|sound reasoning|which (?:one |of them |of the two )?(?:caused|causes|is causing|was responsible)|(?:does|did) (?:the |a |an )?\w+(?: \w+)? cause\b|reasoning error|logical error|is (?:that|this|my) (?:reasoning |logic |argument )?(?:sound|valid|logical|a fair conclusion)|(?:reasoning|logic|argument) (?:sound|valid|correct|right)\b)\b/ },
  { id: "syllogism", capability: "reasoning", boost: 3, pattern: /\b(?:all|no|some) \w+ (?:are|is|can|have)\b[^.?]*[.;,]?\s*(?:and )?(?:all|no|some|every) \w+ (?:are|is|can|have)\b/ },
  { id: "reason-through", capability: "reasoning", boost: 2, pattern: /\b(?:think (?:it |this )?through|reason (?:it |this )?(?:out|through|about)|reason(?:ing)? (?:rationally|carefully|intuitively)|walk me through (?:the|your|how to reason)|what(?:'s| is) wrong with (?:this|my|the) (?:reasoning|argument|logic)|(?:reasoning|logic|argument) (?:go wrong|break down|fail)|critically evaluate|evaluate (?:this|the) (?:claim|plan|argument)|flaw in|check my reasoning|trade-?offs?|pros and cons|weigh|help me decide|decide rationally|odd one out|what comes next)\b/ },
  { id: "riddle-shape", capability: "reasoning", boost: 2, pattern: /^(?:what|who) (?:has|have|gets|goes|comes|can|is it that|runs|flies)\b.{0,60}\b(?:but (?:can't|cannot|never|doesn't|has no)|the more)\b|\b(?:trick question|the trick|what's the catch|the catch)\b|\b(?:days? (?:after|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|yesterday)|day after tomorrow|day before yesterday)\b/ },
  {
    id: "quantified-premises",
    capability: "reasoning",
    boost: 2.5,
    test: ({ text, signals }) => {
      const clauses = text.match(/\b(?:all|no|some|every|most)\s+(?:[a-z]+\s+){1,2}(?:are|is|can|have|has|do|does|were|[a-z]+s)\b/g) ?? [];
      return clauses.length >= 2 && (signals.question || /\b(?:therefore|follows?|conclude|conclusion|so)\b/.test(text)) ? "two quantified premises" : null;
    },
  },
  { id: "comparison-chain", capability: "reasoning", boost: 2.5, pattern: /\b(?:taller|shorter|older|younger|faster|slower|heavier|lighter|richer)\b than \w+[^?]{0,80}\b(?:taller|shorter|older|younger|faster|slower|heavier|lighter|richer) than\b|\bhow is [a-z] related to [a-z]\b|\b(?:ahead of|behind|in front of|to the (?:left|right) of|next to) \w+[^?]{0,60}\b(?:ahead of|behind|in front of|to the (?:left|right) of|next to)\b|\bwhy do (?:people|most people|so many people) get (?:this|it) wrong\b|\bcounter-?intuitive\b|\bstatements?\b[^.?]{0,40}\b(?:true|false)\b|\b(?:is that|is it) guaranteed\b|\bmust (?:be true|follow)\b|\bevery \w+ (?:in|who|that)\b[^.]{0,60}\b(?:or|and)\b[^.]{0,40}\. \w+ is\b/ },
  { id: "logic-question", capability: "reasoning", boost: 1, pattern: /\b(?:who (?:owns|sits|stole|finished|is (?:the )?(?:second|third|tallest|shortest|oldest|youngest))|what (?:was the )?(?:finishing )?order|which (?:box|door|switch|statement)s?|where (?:is|does) the missing)\b/ },
  // knowledge
  { id: "fact-question", capability: "knowledge", boost: 2.5, pattern: /\b(?:capital of|who (?:invented|discovered|wrote|painted|founded|was the first|won|built|designed|composed)|when (?:did|was|were)|what year|in which year|population of|how (?:tall|old|far|deep) (?:is|are|was)|the (?:largest|tallest|longest|biggest|smallest|oldest|deepest|highest|fastest|first) \w+(?: \w+)? (?:in|of|on) (?:the )?(?:world|universe|earth|europe|africa|asia)|history of|causes of|origins? of|what (?:was|were|are) the (?:main )?(?:causes|effects|achievements|consequences|symptoms|functions))\b/ },
  { id: "explain-concept", capability: "knowledge", boost: 1, pattern: /\b(?:explain|how (?:does|do) (?:a |an |the )?\w+(?: \w+)? (?:work|form|stay|make|keep)|why (?:do|does|is|are|did) (?:the |we |a |an )?\w+|tell me about|difference between|overview of (?!this|these|the following|that)|describe the)\b/ },
  // writing
  { id: "compose", capability: "writing", boost: 3, pattern: /\b(?:write|draft|compose|pen|craft|create|need)\b[^.?!\n]{0,45}\b(?:poem|poetry|haiku|sonnet|limerick|villanelle|ode|verse|rap|lyrics|song|story|stories|tale|fable|novel|chapter|scene|dialogue|(?:video |film |movie |youtube |podcast |commercial )script|script for (?:a|an|my|the) (?:video|film|movie|youtube|podcast|play|commercial|skit|scene)|screenplay|essay|email|e-mail|letter|note|card|message|memo|blog|article|op-?ed|speech|toast|eulogy|vows|bio|biography|tweet|post(?! request)|caption|ad copy|copy|product description|description|press release|newsletter|paragraph|intro(?:duction)?|statement|proposal|announcement|invitation|obituary|text|reply|response|auto-?reply|out-of-office|rsvp)\b|\b(?:escribe|escribir|ecris|ecrire|ecrivez|schreib\w*|scrivi)\b[^.?!\n]{0,40}\b(?:poema|poeme|gedicht|poesia|carta|lettre|brief|historia|cuento|histoire|geschichte|ensayo|essai|correo|mail|discurso|discours|lettera|storia)\w*\b/ },
  { id: "edit-text", capability: "writing", boost: 3, pattern: /\b(?:proofread|proof-read|rephrase|reword|paraphrase (?:this|it|the|my|that|so)|polish|copy-?edit|edit (?:this|my|the following)|fix (?:the |my |any )?(?:grammar|spelling|typos|punctuation)|grammar|improve (?:the |my )?(?:wording|flow|tone|writing|clarity)|(?:sound|be) (?:more |less )?(?:formal|professional|friendly|friendlier|concise|polite|casual|confident|persuasive|passive-aggressive)|sounds? (?:more|less|a bit more|a bit less) \w+|so (?:it|that it) sounds\b|more (?:formal|professional|concise|polite|confident|persuasive)|less (?:formal|passive|wordy|aggressive|passive-aggressive)|make (?:my|this) \w+ punchier|punchier|catchier)\b/ },
  { id: "rewrite", capability: "writing", boost: 1.5, pattern: /\b(?:rewrite|re-write|tighten)\b/ },
  { id: "prose-notes", capability: "writing", boost: 2, pattern: /\bturn (?:these|this|my) (?:notes|bullet points|bullets)\b/ },
  // roleplay
  { id: "roleplay", capability: "roleplay", boost: 3.5, pattern: /\b(?:pretend (?:you(?:'re| are)|to be|you were|ur|that you)|act (?:as|like) (?:a|an|my|the|if|you)|role-?play\w*|stay in (?:character|role|the role)|in character|break(?:ing)? character|play (?:the )?(?:role|part) of|take on the (?:role|persona)|you are now|from now on,? you (?:are|will be)|you(?:'ll| will) (?:be|play) (?:the|a|an|my)|let'?s (?:play a game|pretend|do an improv|roleplay|role-play)|simulate (?:a|an) (?:text|conversation|game|interview|adventure|escape)|speak (?:to me )?as if you were|(?:i'd like|i would like|i want|i need) you to (?:be|act as|play|pretend)\b|answer as (?:he|she|they|him|her) would|jeu de role|juego de rol|rollenspiel)\b/ },
  // "You're my tennis coach. I just lost..." sets a scene; "you're the best, I love it" is a compliment.
  { id: "persona", capability: "roleplay", boost: 3.5, pattern: /\b(?:you(?:'re| are)|be|imagine you(?:'re| are)) (?:a|an|my|the) (?!best\b|greatest\b|worst\b|funniest\b|smartest\b|sweetest\b|only one\b)[^.?!\n]{1,60}(?:\. |, | and )(?:i(?:'m| am| will| 'll)?|me)\b|\bnew game\b|\bi(?:'m| am) (?:the|a|an|your) [^.?!\n]{1,40}(?:and|,) you(?:'re| are)\b|^you are [a-z]+ [a-z]+\b|(?:^|\b(?:can|could|will|would) you |\bplease )be my \w+|\bplay (?:a|my)\b/ },
  // extraction
  { id: "extract-verb", capability: "extraction", boost: 3, pattern: /\b(?:extract\w*|extrae\w*|extrai\w*|pull (?:out|the|all|every|just)|parse (?:this|the|out|into)|find (?:and list )?(?:all|every) (?:the )?\w+(?: \w+)? (?:in|from|mentioned)|(?:every|each|all) mentions? of|(?:appear|appears|are mentioned|occur) in (?:this|the)|identify (?:all|every|the) [\w ]{1,30} (?:mentioned|named)|list (?:all|every) (?:the )?\w+ (?:mentioned|named|in (?:this|the))|get (?:me )?(?:all|every|just) the|grab (?:the|all)|which \w+ (?:are|is) (?:mentioned|named|in this)|which [\w ]{1,30} (?:are|is|were) mentioned|mentioned (?:here|in this|above|below)|what are (?:all )?the \w+ (?:mentioned|named)|named entit\w*|just the (?:names|numbers|dates))\b/ },
  { id: "fields-from", capability: "extraction", boost: 1.5, pattern: /\b(?:get|give me|pull|identify|find|list)\b[^.?\n]{0,60}\bfrom (?:this|these|that|the following|my)\b|\bfrom (?:this|these|the following) [\w ]{1,30}, (?:get|give me|pull|extract|identify|list)\b|\b(?:on|in) this (?:bill|invoice|receipt|form|label|confirmation|signature|log|snippet)\b/ },
  { id: "structured-output", capability: "extraction", boost: 1, pattern: /\b(?:as|into|in|to|give me) (?:a )?(?:json|csv|table|structured (?:data|list|format)|key-value pairs|yaml)\b/ },
  // summarization
  { id: "summarize", capability: "summarization", boost: 3.5, pattern: /\b(?:summar\w*|sumar\w*|summer[iy][sz]\w*|sum (?:it |this |that |them )?up|tl;?dr|tldr|recap|condense|boil (?:it |this |that )?down|gist|in a nutshell|synopsis|abstract-style|short version|shorten (?:this|it|the)|key (?:points|takeaways|findings|decisions)|main (?:points|ideas|arguments|takeaways|findings)|(?:most )?important points|highlights|(?:quick |brief |short )?overview of (?:this|these|the following|that)|resume(?:-moi|z)? (?:ce|cet|cette|este|esta|esto|el|la)|resumir|zusammenfass\w*|riassum\w*|distill)\b/ },
  { id: "summary-of-source", capability: "summarization", boost: 1.5, pattern: /\b(?:summary|summari[sz]e|recap|gist|tl;?dr) (?:of )?(?:this|these|that|the following|the above|what this|my notes)\b/ },
  { id: "length-limit-about", capability: "summarization", boost: 1.5, pattern: /\b(?:in|under) \d+ words or less\b|\bwhat(?:'s| is) (?:this|the) (?:article|story|text|email|passage) (?:about|saying)\b/ },
  // classification
  { id: "classify-verb", capability: "classification", boost: 3, pattern: /\b(?:classif\w*|categori[sz]\w*|label (?:each|the|this|these|them|it|as|whether)|tag (?:each|the|this|these|them|it)\b|triage|bucket (?:these|them|each)|sort (?:these|them|each|the following)\b[^.?\n]{0,40}\binto|assign (?:a|an|the|each) (?:\w+ )?(?:category|label|class|priority|risk|topic|level|rating|score|grade|tag)|sentiment|detect the (?:emotion|language|tone|sentiment|intent)|(?:what|which) language is (?:this|it)|the intent|stance)\b/ },
  { id: "label-choice", capability: "classification", boost: 2, pattern: /\bis (?:this|it|the following|that) (?:\w+ )?(?:a |an )?(?:spam|phishing|fake|genuine|toxic|positive|negative|sarcastic|clickbait|urgent|hate speech|fraud\w*|grammatical|formal|informal)\b|\b(?:positive|negative|neutral|positiva|positivo|negativa|negativo),? (?:or|and|ou|o|oder) (?:negative|neutral|mixed|positive|negativ[oa]|positiv[oa])\b|\b(?:spam|ham) or not\b|\b(?:which|what) (?:category|genre|class|bucket|department|specialty|type of (?:document|question)|level)\b|\b(?:options|categories|labels|classes)\s*:|(?:decide|determine) (?:whether|if) (?:this|it|each)\b|\bone[- ]word answer\b|\bjust (?:give )?the label\b|\b(?:type|category|genre|label|class|level)\s*:\s*\w+,|\b(?:yes\/no|yes or no)\b|\bwhich of (?:these|the following) (?:\w+ )?(?:are|is) (?:spam|phishing|fake|real|fraud\w*|positive|negative)\b|\b(?:is|are) (?:this|these|it|the following|each)\b[^?]{0,60}\b\w+,? (?:or|vs\.?) [\w ]{1,20}\?|\b(?:put|sort|group|split|divide) (?:these|them|each|the following)\b[^.?\n]{0,30}\binto\b|\bfor each\b[^.?\n]{0,30}\bwhether\b|\bwhich (?:of these |ones )?(?:are|is) (?:a )?\w+ and which (?:are|is)\b|\b(?:the )?language of (?:each|this|these|the following)\b/ },
  // brainstorming
  { id: "ideas", capability: "brainstorming", boost: 2.5, pattern: /\b(?:brainstorm\w*|ideas|ideias|idees|ideen|come up with|think of (?:some|a few|ways|possible|names|a bunch)|throw (?:some|out)|suggest (?:some|a few|\d+|names|ways|possible|creative|themes|topics)|suggestions|possible (?:names|titles|themes|topics|angles|uses|slogans|taglines|plot twists|research questions)|(?:creative|different|fun|unique|possible|other|cheap) ways (?:to|of|i|we)|what could i (?:do|build|make)|different angles|what (?:could|should|can) (?:i|we) (?:name|call)|names? (?:ideas|suggestions))\b|\bwhat are (?:some|a few|good|fun|creative|cool|different|possible|other)?\s*(?:\w+ ){0,2}(?:ways|things to (?:do|make|try|cook|build)|ideas|activities|options for|gift)\b/ },
  { id: "n-items", capability: "brainstorming", boost: 2.5, pattern: /\b(?:give me|list|suggest|come up with|generate|need)\s+(?:\d+|ten|five|twenty|a few|some|several|a bunch of|a list of)\s+(?:[\w-]+\s+){0,3}(?:names?|ideas|titles|slogans|taglines|ways|themes|topics|options|concepts|suggestions|activities|gifts?|costumes?|hashtags|prompts|questions|flavou?rs|uses|angles|features|plot twists)\b/ },
  // chat
  {
    id: "greeting",
    capability: "chat",
    boost: 3,
    kind: "keyword",
    test: ({ text, view }) => {
      const m = /^(?:hi+|hello|hey+|heya|yo|sup|hiya|howdy|greetings|good (?:morning|afternoon|evening|night)|hola|bonjour|ciao|hallo|thanks|thank you|thx|ty|merci|gracias|lol|lmao|haha\w*|ok|okay|cool|nice|wow|bye|goodbye|see you|cya|later|happy (?:new year|birthday|holidays|friday))\b/.exec(text.trim());
      // "Hi, can you translate..." and "hey quick one, what's 12 factorial" are not small talk.
      if (m === null || view.totalChars > 80) return null;
      return text.slice(m[0].length).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 4 ? m[0] : null;
    },
  },
  { id: "about-you", capability: "chat", boost: 3, pattern: /\b(?:how are you|how(?:'s| is) it going|how(?:'s| is| was| has) your (?:day|week|weekend|morning|evening|night)|makes you (?:happy|sad|laugh)|what(?:'s| is) up|what are you up to|are you (?:a |an )?(?:real|human|bot|ai|there|conscious|alive|sentient)|do you (?:have|ever|like|dream|think|feel|get|miss)|what(?:'s| is) your (?:favou?rite|name)|who (?:made|created|built) you|about yourself|can we (?:just )?(?:chat|talk)|talk to me|keep me company|did you miss me|you(?:'re| are) (?:funny|smart|the best|pretty|awesome|cool|sweet|hilarious)|i appreciate you|nice talking|if you could|would you rather|should we talk|asked you|talk to an ai)\b/ },
  { id: "feelings", capability: "chat", boost: 2.5, pattern: /\b(?:i(?:'m| am)|i feel|feeling|i(?:'ve| have) been) (?:so |really |kind of |kinda |a bit |pretty |just )?(?:bored|sad|lonely|tired|stressed|anxious|nervous|excited|happy|down|depressed|overwhelmed|off|upset|scared|procrastinating)\b|\bi just (?:got|passed|finished|wanted to)\b|\bneed to vent\b|\brough day\b|\bnobody remembered\b/ },
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

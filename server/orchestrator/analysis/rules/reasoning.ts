import type { Rule } from "./types";

/** Reasoning cues: riddles, logic puzzles, syllogisms, fallacies, causal questions, trade-off decisions. */
export const REASONING_RULES: Rule[] = [
  { id: "puzzle", capability: "reasoning", boost: 3, pattern: /\b(?:riddle|puzzle|brain ?teaser|lateral thinking|knights? and knaves|knight or (?:a )?knave|always lies|always tells? the truth|truth[- ]tellers?|only one (?:of them )?is (?:telling the truth|lying))\b/ },
  { id: "logic-terms", capability: "reasoning", boost: 2.5, pattern: /\b(?:syllogism|deduce|deduction|valid (?:argument|inference|conclusion)|(?:argument|inference|reasoning) valid|fallac(?:y|ies)|premises?|(?:conclusion|it) (?:follows?|valid)|necessarily (?:true|follow)|logically follow|rule of inference|modus (?:ponens|tollens)|contrapositive|paradox\w*|steelman|strawman|circular reasoning|confound\w*|correlation|causation|causes? (?:it|the)\b.{0,20}\?|what (?:can|can't) (?:we|i) conclude|sound reasoning|which (?:one |of them |of the two )?(?:caused|causes|is causing|was responsible)|(?:does|did) (?:the |a |an )?\w+(?: \w+)? cause\b|reasoning error|logical error|is (?:that|this|my) (?:reasoning |logic |argument )?(?:sound|valid|logical|a fair conclusion)|(?:reasoning|logic|argument) (?:sound|valid|correct|right)\b)\b/ },
  { id: "syllogism", capability: "reasoning", boost: 3, pattern: /\b(?:all|no|some) \w+ (?:are|is|can|have)\b[^.?]*[.;,]?\s*(?:and )?(?:all|no|some|every) \w+ (?:are|is|can|have)\b/ },
  { id: "reason-through", capability: "reasoning", boost: 2, pattern: /\b(?:think (?:it |this )?through|reason (?:it |this )?(?:out|through|about)|reason(?:ing)? (?:rationally|carefully|intuitively)|walk me through (?:the|your|how to reason)|what(?:'s| is) wrong with (?:this|my|the) (?:reasoning|argument|logic)|(?:reasoning|logic|argument) (?:go wrong|break down|fail)|critically evaluate|evaluate (?:this|the) (?:claim|plan|argument)|flaw in|check my reasoning|trade-?offs?|pros and cons|weigh|help me decide|decide rationally|odd one out|what comes next)\b/ },
  { id: "riddle-shape", capability: "reasoning", boost: 2, pattern: /^(?:what|who|which)\b[^?]{0,80}\b(?:but (?:can'?t|cannot|never|doesn'?t|don'?t|has no|have no|no|not|is not|isn'?t|only)|the more|while (?:staying|standing|sitting|never)|without (?:moving|leaving|ever))\b|\b(?:trick question|the trick|what's the catch|the catch)\b|\b(?:days? (?:after|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|yesterday)|day after tomorrow|day before yesterday)\b/ },
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
  { id: "riddle-ending", capability: "reasoning", boost: 3, pattern: /\bwhat am i\b|\briddle me\b/ },
  { id: "odd-one-out", capability: "reasoning", boost: 2.5, pattern: /\b(?:doesn'?t|does not|don'?t|do not) (?:belong|fit)\b|\bodd (?:one|man) out\b|\bfind the odd\b|\bwhat(?:'s| is|s) heavier\b|\bwhich (?:one )?(?:is|weighs) (?:heavier|more)\b|\bcomplete the analogy\b|\bis to \w+ as \w+ is to\b|\bnext (?:number|letter|term|item) in the (?:sequence|series|pattern)\b|\bfind the pattern\b|\bwhat (?:number|letter) (?:replaces|comes next|should replace)\b/ },
  // LSAT / critical-reasoning items, "which conclusion follows", liar puzzles.
  { id: "argument-item", capability: "reasoning", boost: 3, pattern: /\bif true,? (?:most )?(?:seriously )?(?:weakens?|strengthens?|undermines?|supports?)\b|\b(?:most )?(?:seriously )?weakens the (?:argument|conclusion)\b|\bassumption (?:on which|required by|underlying) the argument\b|\bwhich conclusions?(?: \(s\))? (?:follows?|logically|can be drawn)\b|\bconclusions?\s*:\s*(?:i\b|1\b)|\bwho (?:is|was) (?:lying|telling the truth)\b|\bonly one of them (?:is )?(?:tells?|telling|lies|lying)\b/ },
  // Lateral-thinking stories end with "How?" / "How is that possible?" / "Why?".
  { id: "how-possible", capability: "reasoning", boost: 1.5, pattern: /\bhow (?:is (?:that|this|it) possible|can (?:that|this) be)\b|[.!] (?:how|why)\?\s*$/ },
];

import type { Rule } from "./types";

/** Knowledge cues: factual questions and requests to explain a concept. */
export const KNOWLEDGE_RULES: Rule[] = [
  { id: "fact-question", capability: "knowledge", boost: 2.5, pattern: /\b(?:capital of|who (?:invented|discovered|wrote|painted|founded|was the first|won|built|designed|composed)|when (?:did|was|were)|what year|in which year|population of|how (?:tall|old|far|deep) (?:is|are|was)|the (?:largest|tallest|longest|biggest|smallest|oldest|deepest|highest|fastest|first) \w+(?: \w+)? (?:in|of|on) (?:the )?(?:world|universe|earth|europe|africa|asia)|history of|causes of|origins? of|what (?:was|were|are) the (?:main )?(?:causes|effects|achievements|consequences|symptoms|functions))\b/ },
  { id: "explain-concept", capability: "knowledge", boost: 1, pattern: /\b(?:explain|how (?:does|do) (?:a |an |the )?\w+(?: \w+)? (?:work|form|stay|make|keep)|why (?:do|does|is|are|did) (?:the |we |a |an )?\w+|tell me about|difference between|overview of (?!this|these|the following|that)|describe the)\b/ },
];

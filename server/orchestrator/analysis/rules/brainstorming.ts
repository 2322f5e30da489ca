import type { Rule } from "./types";

/** Brainstorming cues: ideas, names, options and open-ended suggestions. */
export const BRAINSTORMING_RULES: Rule[] = [
  { id: "ideas", capability: "brainstorming", boost: 2.5, pattern: /\b(?:brainstorm\w*|ideas|ideias|idees|ideen|come up with|think of (?:some|a few|ways|possible|names|a bunch)|throw (?:some|out)|suggest (?:some|a few|\d+|names|ways|possible|creative|themes|topics)|suggestions|possible (?:names|titles|themes|topics|angles|uses|slogans|taglines|plot twists|research questions)|(?:creative|different|fun|unique|possible|other|cheap) ways (?:to|of|i|we)|what could i (?:do|build|make)|different angles|what (?:could|should|can) (?:i|we) (?:name|call)|names? (?:ideas|suggestions))\b|\bwhat are (?:some|a few|good|fun|creative|cool|different|possible|other)?\s*(?:\w+ ){0,2}(?:ways|things to (?:do|make|try|cook|build)|ideas|activities|options for|gift)\b/ },
  { id: "n-items", capability: "brainstorming", boost: 2.5, pattern: /\b(?:give me|list|suggest|come up with|generate|need)\s+(?:\d+|ten|five|twenty|a few|some|several|a bunch of|a list of)\s+(?:[\w-]+\s+){0,3}(?:names?|ideas|titles|slogans|taglines|ways|themes|topics|options|concepts|suggestions|activities|gifts?|costumes?|hashtags|prompts|questions|flavou?rs|uses|angles|features|plot twists)\b/ },
  // "what should I get my dad", "what can I cook with…": open options to choose from.
  {
    id: "open-options",
    capability: "brainstorming",
    boost: 2,
    pattern:
      /\bwhat (?:should|could|can|do) (?:i|we) (?:get|buy|gift|cook|make|bake|serve|bring|name|call|plant|build|write about|do (?:this|on|for|with|tonight|today|tomorrow|at|in (?:a|the|my)))\b|\b(?:ideas|options|suggestions|recommendations|alternatives)\s*\?\s*$|\bwhat are (?:my|our|the|some) (?:options|alternatives)\b|\bgive me (?:a few |some |several |\d+ )?(?:options|alternatives|possibilities|hooks|angles)\b|\b(?:any|some) (?:recommendations|suggestions)\b|\brecommend (?:some|a few|me some|me a few|\d+)\b|\bsuggest (?:a few|some|me some)\b|\bhow might we\b|\bpitch me\b/,
  },
];

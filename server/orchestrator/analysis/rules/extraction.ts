import type { Rule } from "./types";

/** Extraction cues: pulling fields, entities or answers out of pasted material. */
export const EXTRACTION_RULES: Rule[] = [
  { id: "extract-verb", capability: "extraction", boost: 3, pattern: /\b(?:extract\w*|extrae\w*|extrai\w*|pull (?:out|the|all|every|just)|parse (?:this|the|out|into)|find (?:and list )?(?:all|every) (?:the )?\w+(?: \w+)? (?:in|from|mentioned)|(?:every|each|all) mentions? of|(?:appear|appears|are mentioned|occur) in (?:this|the) (?:text|passage|paragraph|article|email|document|message|log|transcript|report|story|chat|list below|following)|identify (?:all|every|the) [\w ]{1,30} (?:mentioned|named)|list (?:all|every) (?:the )?\w+ (?:mentioned|named|in (?:this|the))|get (?:me )?(?:all|every|just) the|grab (?:the|all)|which \w+ (?:are|is) (?:mentioned|named|in this)|which [\w ]{1,30} (?:are|is|were) mentioned|mentioned (?:here|in this|above|below)|what are (?:all )?the \w+ (?:mentioned|named)|named entit\w*|just the (?:names|numbers|dates))\b/ },
  { id: "fields-from", capability: "extraction", boost: 1.5, pattern: /\b(?:get|give me|pull|identify|find|list)\b[^.?\n]{0,60}\bfrom (?:this|these|that|the following|my)\b|\bfrom (?:this|these|the following) [\w ]{1,30}, (?:get|give me|pull|extract|identify|list)\b|\b(?:on|in) this (?:bill|invoice|receipt|form|label|confirmation|signature|log|snippet)\b/ },
  { id: "structured-output", capability: "extraction", boost: 1, pattern: /\b(?:as|into|in|to|give me) (?:a )?(?:json|csv|table|structured (?:data|list|format)|key-value pairs|yaml)\b/ },
  // Dolly closed_qa: a question answered from the pasted passage ("Given this paragraph about X, how long…").
  {
    id: "answer-from-passage",
    capability: "extraction",
    boost: 2.5,
    test: ({ text, signals }) => {
      const ref =
        /\b(?:according to|based (?:only |solely )?on|using (?:only )?|from|in|on|given|per|read|here(?:'s| is| are)) (?:the |this |these |that |my |your |a |an |our |some )?(?:following |above |below |provided |attached |reference |given )?(?:passage|text|paragraph|article|excerpt|email|e-mail|message|document|letter|transcript|report|reference text|context|resume|cv|posting|job (?:ad|posting|description)|listing|note|notes|log|table|bio|label|invoice|receipt|contract|clause|chat|thread|schedule|statement|confirmation|abstract|story|wiki\w*)\b/.exec(text);
      if (ref === null) return null;
      return signals.question || signals.headQuestion || /^(?:list|give me|tell me|name|identify|find|get|pull|show me)\b/.test(text) ? ref[0] : null;
    },
  },
  { id: "tell-me-only", capability: "extraction", boost: 1.5, pattern: /\b(?:nothing else|just (?:the|those|that)|only (?:the|those|list)) (?:\w+ ){0,3}(?:mentioned|listed|named|field|fields|values?|numbers?|names?|dates?)\b|\bwhat (?:\w+ ){0,2}(?:do|does|did) (?:they|it|he|she|the \w+) mention\b/ },
];

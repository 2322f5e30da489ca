import type { Rule } from "./types";

/** Summarization cues: summarize / tl;dr / recap / shorten requests. */
export const SUMMARIZATION_RULES: Rule[] = [
  { id: "summarize", capability: "summarization", boost: 3.5, pattern: /\b(?:summar\w*|sumar\w*|summer[iy][sz]\w*|sum (?:it |this |that |them )?up|tl;?dr|tldr|recap|condense|boil (?:it |this |that )?down|gist|in a nutshell|synopsis|abstract-style|short version|shorten (?:this|it|the)|key (?:points|takeaways|findings|decisions)|main (?:points?|ideas?|arguments?|takeaways?|findings|message)|(?:most )?important points|highlights|(?:quick |brief |short )?overview of (?:this|these|the following|that)|resume(?:-moi|z)? (?:ce|cet|cette|este|esta|esto|el|la)|resumir|zusammenfass\w*|riassum\w*|distill)\b/ },
  { id: "summary-of-source", capability: "summarization", boost: 1.5, pattern: /\b(?:summary|summari[sz]e|recap|gist|tl;?dr) (?:of )?(?:this|these|that|the following|the above|what this|my notes)\b/ },
  { id: "length-limit-about", capability: "summarization", boost: 1.5, pattern: /\b(?:in|under) \d+ words or less\b|\bwhat(?:'s| is) (?:this|the) (?:article|story|text|email|passage) (?:about|saying)\b/ },
  { id: "shorten-material", capability: "summarization", boost: 2, pattern: /\b(?:make (?:this|it) shorter|shorter version|cliff ?notes|meeting minutes|minutes (?:from|of) (?:this|the)|what(?:'s| is) (?:this|the) (?:article|text|email|post|thread|paper|document|report) (?:saying|about)|what does (?:this|the) (?:article|text|paragraph|email|post|thread) (?:say|boil down to)|boils? down to)\b/ },
];

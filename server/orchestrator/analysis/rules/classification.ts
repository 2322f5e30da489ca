import type { Rule } from "./types";

/** Classification cues: classify / label / sentiment, and label sets to choose from. */
export const CLASSIFICATION_RULES: Rule[] = [
  { id: "classify-verb", capability: "classification", boost: 3, pattern: /\b(?:classif\w*|categori[sz]\w*|label (?:each|the|this|these|them|it|as|whether)|tag (?:each|the|this|these|them|it)\b|triage|bucket (?:these|them|each)|sort (?:these|them|each|the following)\b[^.?\n]{0,40}\binto|assign (?:a|an|the|each) (?:\w+ )?(?:category|label|class|priority|risk|topic|level|rating|score|grade|tag)|sentiment|detect the (?:emotion|language|tone|sentiment|intent)|(?:what|which) language is (?:this|it)|the intent|stance)\b/ },
  { id: "label-choice", capability: "classification", boost: 2, pattern: /\bis (?:this|it|the following|that) (?:\w+ )?(?:a |an )?(?:spam|phishing|fake|genuine|toxic|positive|negative|sarcastic|clickbait|urgent|hate speech|fraud\w*|grammatical|formal|informal)\b|\b(?:positive|negative|neutral|positiva|positivo|negativa|negativo),? (?:or|and|ou|o|oder) (?:negative|neutral|mixed|positive|negativ[oa]|positiv[oa])\b|\b(?:spam|ham) or not\b|\b(?:which|what) (?:category|genre|class|bucket|department|specialty|type of (?:document|question)|level)\b|\b(?:options|categories|labels|classes)\s*:|(?:decide|determine) (?:whether|if) (?:this|it|each)\b|\bone[- ]word answer\b|\bjust (?:give )?the label\b|\b(?:type|category|genre|label|class|level)\s*:\s*\w+,|\b(?:yes\/no|yes or no)\b|\bwhich of (?:these|the following) (?:\w+ )?(?:are|is) (?:spam|phishing|fake|real|fraud\w*|positive|negative)\b|\b(?:is|are) (?:this|these|it|the following|each)\b[^?]{0,60}\b\w+,? (?:or|vs\.?) [\w ]{1,20}\?|\b(?:put|sort|group|split|divide) (?:these|them|each|the following)\b[^.?\n]{0,30}\binto\b|\bfor each\b[^.?\n]{0,30}\bwhether\b|\bwhich (?:of (?:these|the following) |ones )?(?:[\w-]+ ){0,3}(?:are|is) (?:a |an )?[\w-]+ and which (?:are|is)\b|\b(?:the )?language of (?:each|this|these|the following)\b/ },
  {
    id: "label-set",
    capability: "classification",
    boost: 2.5,
    pattern:
      /\bintents?\s*:|\bintent (?:detection|classification|recognition)\b|\bcontent moderation\b|\bwhich (?:team|queue|department|folder|bucket|category|group|label|specialty) (?:should|does|would|is)\b|\brate the (?:toxicity|sentiment|urgency|severity|priority|tone|formality)\b|\b(?:answer|respond|reply|output) (?:with |only with )?(?:exactly |only |just )?(?:one word|one label|a single (?:word|label))\b|^\w+(?:[ -]\w+)?, \w+(?:[ -]\w+)?,? or \w+(?:[ -]\w+)?\?|\b(?:spam|nsfw|sfw|safe|unsafe|toxic|legit|scam|real|fake|fraud)(?:ulent)? or (?:not|spam|sfw|nsfw|unsafe|safe|scam|legit|fake|real|genuine|ham)\b/,
  },
  { id: "which-are-members", capability: "classification", boost: 2, pattern: /\bwhich of (?:these|the following) (?:are|is) (?:(?:types?|kinds?|examples?|species|forms?) of )?[\w -]{1,30}:\s*\w+(?: \w+)?, \w+/ },
];

import type { Rule } from "./types";

/** "You are a helpful assistant", "you are an expert Python developer", "You are a sentiment classifier"... */
const TASK_ROLE =
  /^(?:system:\s*)?(?:you are|you're|act as) (?:a|an) (?:[\w-]+ ){0,3}(?:assistant|classifier|filter|translator|copywriter|writer|editor|proofreader|developer|engineer|programmer|coder|tutor|teacher|analyst|summari[sz]er|moderator|system|model|bot|expert|specialist|consultant|scientist|mathematician|linguist|grader|judge|annotator|labell?er|extractor|parser|detector|generator)\b/;
/** The task that follows the role. */
const TASK_VERB =
  /\b(?:translate|summari[sz]e|classify|categori[sz]e|label|extract|write|draft|compose|answer|output|respond (?:with|only)|return|convert|correct|proofread|generate|fix|solve|explain|rewrite|detect|identify|list|tag|rate|parse)\b|\b(?:q|question|task|text|input|email|review|tweet|message|student question)\s*:/;
/** Signs that the user does want a character: a scene, their own role, a reply in the persona's voice. */
const SCENE = /\b(?:stay in (?:character|role)|in character|roleplay|role-play|i(?:'m| am) (?:the|your|a|an)|customer\s*:|caller\s*:|guest\s*:|never break|greet me)\b/;

/** Roleplay cues: personas, scenes, stage directions and "act as / talk like" set-ups. */
export const ROLEPLAY_RULES: Rule[] = [
  { id: "roleplay", capability: "roleplay", boost: 3.5, pattern: /\b(?:pretend (?:you(?:'re| are)|to be|you were|ur|that you|we(?:'re| are)|we were|that we|i(?:'m| am) (?:a|an|the|your))|act (?:as|like) (?:a|an|my|the|if|you)|role-?play\w*|stay in (?:character|role|the role)|in character|break(?:ing)? character|play (?:the )?(?:role|part) of|take on the (?:role|persona)|you are now|from now on,? you (?:are|will be)|you(?:'ll| will) (?:be|play) (?:the|a|an|my)|let'?s (?:play a game|pretend|do an improv|roleplay|role-play)|simulate (?:a|an) (?:text|conversation|game|interview|adventure|escape)|speak (?:to me )?as if you were|(?:i'd like|i would like|i want|i need) you to (?:be|act as|play|pretend)\b|answer as (?:he|she|they|him|her) would|jeu de role|juego de rol|rollenspiel)\b/ },
  // "You're my tennis coach. I just lost..." sets a scene; "you're the best, I love it" is a compliment.
  { id: "persona", capability: "roleplay", boost: 3.5, pattern: /\b(?:you(?:'re| are)|be|imagine you(?:'re| are)) (?:a|an|my|the) (?!best\b|greatest\b|worst\b|funniest\b|smartest\b|sweetest\b|only one\b)[^.?!\n]{1,60}(?:\. |, | and )(?:i(?:'m| am| will| 'll)?|me)\b|\bnew game\b|\bi(?:'m| am) (?:the|a|an|your) [^.?!\n]{1,40}(?:and|,) you(?:'re| are)\b|^you are [a-z]+ [a-z]+\b|(?:^|\b(?:can|could|will|would) you |\bplease )be my \w+|\bplay (?:a|my)\b/ },
  // "*walks into the tavern*": a stage direction is a move in a scene, not a question.
  { id: "stage-action", capability: "roleplay", boost: 3, test: ({ view }) => /(?:^|\s)\*(?!\*)[a-z][^*\n]{2,80}\*(?!\*)/.exec(view.instruction)?.[0] ?? null },
  {
    id: "speak-as",
    capability: "roleplay",
    boost: 3,
    pattern:
      /\b(?:talk|speak|respond|reply|answer|behave|act)(?: to me| back)? (?:like|as if) (?:you(?:'re| are| were)|a|an|my|the|\w+ would)\b|\b(?:respond|reply|answer|speak) as (?!a list|bullet|json|short)\w+|\bas if you were\b|\byou(?:'re| are) my \w+ (?:in|for) this (?:scenario|story|chat|conversation|game|roleplay|rp)\b|\bin this (?:scenario|chat|story|roleplay|rp),? you(?:'re| are| play| will be)?\b|\byou (?:play|will play|are playing) (?:a|an|the|my|\w+ \w+)\b|\bplay (?:a|the) character\b|\bstay in (?:character|role)\b|\b(?:be|pretend to be) (?:my|our) (?:girlfriend|boyfriend|wife|husband|gf|bf|partner|mom|mum|dad|grandma|grandpa|therapist|coach|tutor|teacher|mentor|boss)\b|\bcontinue the (?:roleplay|rp|scene)\b/,
  },
  // "You are Aria, a friendly barista…" / "Be Yoda and…": a named persona, read in original case.
  {
    id: "named-persona",
    capability: "roleplay",
    boost: 3,
    test: ({ view }) => {
      const m = /^(?:[Ss]ystem:\s*)?(?:[Yy]ou are|[Yy]ou're|[Yy]our name is|[Bb]e|I want you to be|[Yy]ou will be)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[ ,.!:]|$)/m.exec(view.scanned.slice(0, 300));
      return m !== null && !/^(?:ChatGPT|GPT|Claude|Gemini|Llama|Assistant|Copilot|Bard|Siri|Alexa|Mistral|Qwen|An?|The|My|Our|Now|Here)\b/.test(m[1] ?? "") ? m[0] : null;
    },
  },
  // "You are an expert copywriter. Write…", "You are a spam filter. Output 1 for spam": a system prompt that sets up a
  // task, not a character to play. Vetoed unless the prompt also sets a scene (stay in character, the user's role).
  {
    id: "task-persona",
    capability: "roleplay",
    boost: -3,
    test: ({ text }) => {
      const role = TASK_ROLE.exec(text);
      if (role === null || SCENE.test(text)) return null;
      return TASK_VERB.test(text.slice(role.index + role[0].length)) ? role[0] : null;
    },
  },
  // "Respond as if you were Shakespeare: what do you think of TikTok?" asks the persona, not the assistant, so the
  // small-talk cues ("what do you think", "how are you") must not pull it to chat.
  {
    id: "persona-not-small-talk",
    capability: "chat",
    boost: -2.5,
    pattern: /\b(?:as if you were|(?:talk|speak|respond|reply|answer|act) (?:like|as) (?:a|an|my|the|if)|pretend (?:you|to be|we|that)|stay in (?:character|role)|in character|role-?play|you(?:'re| are) my \w+ in this)\b/,
  },
];

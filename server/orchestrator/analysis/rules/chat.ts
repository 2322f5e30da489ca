import type { Rule } from "./types";

/** Chat cues: greetings, small talk, questions about the assistant and shared feelings. */
export const CHAT_RULES: Rule[] = [
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
  { id: "about-you", capability: "chat", boost: 3, pattern: /\b(?:how are you|how(?:'s| is) it going|how(?:'s| is| was| has) your (?:day|week|weekend|morning|evening|night)|makes you (?:happy|sad|laugh)|what(?:'s| is) up|what are you up to|are you (?:a |an )?(?:real|human|bot|ai|there|conscious|alive|sentient)|do you (?:have|ever|like|dream|think|feel|get|miss)|what(?:'s| is) your (?:favou?rite|name)|who (?:made|created|built|trained|programmed) you|how old are you|(?:who|what) (?:is|are) your (?:creators?|makers?|developers?|owners?)|what(?:'s| is) it like (?:being|to be) (?:an? )?(?:ai|bot|robot|chatbot|computer)|about yourself|can we (?:just )?(?:chat|talk)|talk to me|keep me company|did you miss me|you(?:'re| are) (?:so |really |such )?(?:funny|smart|the best|pretty|awesome|cool|sweet|hilarious|amazing|so helpful|a (?:lifesaver|life saver|legend|genius|star|gem))|i appreciate you|nice talking|if you could|would you rather|should we talk|asked you|talk to an ai)\b/ },
  { id: "feelings", capability: "chat", boost: 2.5, pattern: /\b(?:i(?:'m| am)|i feel|feeling|i(?:'ve| have) been) (?:so |really |kind of |kinda |a bit |pretty |just )?(?:bored|sad|lonely|tired|stressed|anxious|nervous|excited|happy|down|depressed|overwhelmed|off|upset|scared|procrastinating)\b|\bi just (?:got|passed|finished|wanted to)\b|\bneed to vent\b|\brough day\b|\bnobody remembered\b/ },
  {
    id: "small-talk",
    capability: "chat",
    boost: 2.5,
    pattern:
      /\b(?:what can you do|what are you (?:capable of|able to do)|what would you do if you (?:were|could|had)|is it just me or|tell me a joke|(?:got|know) any (?:good )?jokes|tell me something (?:fun|nice|interesting|funny)|say something (?:nice|funny)|are you (?:smarter|better) than|which model are you|are you (?:chatgpt|gpt|claude|gemini|siri|alexa)|can we be friends|do you remember (?:me|what we))\b|^(?:cats|dogs|summer|winter|coffee|tea) or (?:cats|dogs|summer|winter|coffee|tea)\b/,
  },
];

import { unkeyed, type BuiltinEntry } from "./build";

/**
 * chat: everyday conversation in four families (reassurance, simple explanations, practical suggestions,
 * sharing good news). The judge checks tone, that the reply engages with the user's specific message, and
 * length fit for a chat (no essay in answer to a greeting).
 */

const FAMILIES: ReadonlyArray<[family: string, prompt: (s: string) => string, criteria: (s: string) => string, subjects: readonly string[]]> = [
  [
    "reassurance",
    (s) => `I'm really nervous about ${s}. Any tips?`,
    (s) => `Acknowledges the user's nerves about ${s} with empathy, then gives at least three concrete, relevant tips; friendly conversational tone; under about 250 words.`,
    ["my first job interview tomorrow", "giving a speech at my sister's wedding", "starting at a new school next week", "my driving test on Friday", "meeting my partner's parents this weekend", "my first day as a manager", "flying for the first time", "running my first 10k race", "presenting to my whole company", "moving to a new city on my own", "asking my boss for a raise"],
  ],
  [
    "explain",
    (s) => `Can you explain ${s} in simple terms?`,
    (s) => `Explains ${s} correctly in plain language a curious non-expert could follow, ideally with an everyday analogy; no factual errors; conversational and concise (under about 250 words).`,
    ["why the sky is blue", "how vaccines work", "what inflation is", "how a rainbow forms", "why we have seasons", "what a black hole is", "how a message travels across the internet", "why bread dough rises", "what compound interest is", "how aeroplanes stay in the air", "why the Moon has phases"],
  ],
  [
    "suggest",
    (s) => `What's a good way to ${s}?`,
    (s) => `Offers a few practical, specific suggestions for how to ${s}, in a friendly conversational tone; may ask a short follow-up question; under about 250 words.`,
    ["spend a rainy Sunday at home", "start journaling", "make new friends as an adult", "keep houseplants alive", "get back into reading", "plan a cheap weekend trip", "unwind after a stressful day", "start learning to cook", "celebrate a friend's birthday on a budget", "take better photos with my phone", "stay motivated when studying"],
  ],
  [
    "good-news",
    (s) => `Guess what: ${s}!`,
    (s) => `Responds warmly and naturally to the news that ${s}, shows genuine interest (for example with a relevant follow-up question), and stays short and conversational; no lecture or unrelated advice.`,
    ["I just finished my first marathon", "I finally adopted a puppy today", "I got into the university I wanted", "my sourdough starter finally worked", "I just got back from a trip to Japan", "I passed all my final exams", "I planted my first vegetable garden", "I just learned to play my first song on the guitar", "we're expecting our first baby", "I finally cleared out my garage after five years", "I just got promoted at work"],
  ],
];

export function chatEntries(): BuiltinEntry[] {
  return FAMILIES.flatMap(([family, prompt, criteria, subjects]) =>
    subjects.map((subject, i) => unkeyed("chat", family, i, prompt(subject), { kind: "rubric", criteria: criteria(subject) })),
  );
}

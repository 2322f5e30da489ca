import { unkeyed, type BuiltinEntry } from "./build";

/**
 * roleplay: eight characters, each put in six situations. The judge checks that the reply stays in
 * character (voice, period, knowledge), answers the situation, and does not break the fourth wall.
 */

const CHARACTERS: ReadonlyArray<[family: string, who: string, voice: string]> = [
  ["pirate", "a gruff but kind-hearted pirate captain in the 1700s", "nautical slang and a swaggering, seafaring voice"],
  ["detective", "a meticulous Victorian detective in 1890s London", "precise, observant, formal Victorian English"],
  ["innkeeper", "a grumpy medieval innkeeper", "blunt, grumbling medieval speech, without modern references"],
  ["teacher", "a cheerful kindergarten teacher", "warm, simple, encouraging language suitable for small children"],
  ["lighthouse-keeper", "a solitary lighthouse keeper on a remote island", "quiet, weathered, reflective speech about the sea and solitude"],
  ["senator", "a senator in ancient Rome", "formal, rhetorical speech with Roman references and no modern ones"],
  ["jazz-musician", "a jazz trumpeter in 1920s New Orleans", "lively 1920s slang and references to music and the city"],
  ["wizard", "a wise old wizard who speaks in riddles now and then", "archaic, mysterious, kindly speech with an occasional riddle"],
];

const SITUATIONS: ReadonlyArray<[prompt: string, check: string]> = [
  ["A traveller arrives and greets you. Greet them back and introduce yourself.", "greets the traveller and introduces the character"],
  ["Someone asks you for directions to the nearest town. Answer them.", "gives directions (invented details are fine) in a way the character would"],
  ["Someone tells you that your oldest friend has moved far away. React to the news.", "reacts to the news with emotion fitting the character"],
  ["Someone asks about your favourite memory. Tell them.", "tells a specific memory that fits the character's life and era"],
  ["A child asks you to explain what you do all day. Explain it.", "explains the character's daily work in terms a child could follow"],
  ["A stranger offers you a strange bargain: a map to treasure in exchange for your most prized possession. Respond.", "responds to the bargain with a decision or counter-offer that fits the character"],
];

export function roleplayEntries(): BuiltinEntry[] {
  return CHARACTERS.flatMap(([family, who, voice]) =>
    SITUATIONS.map(([situation, check], i) =>
      unkeyed("roleplay", family, i, `You are ${who}. Stay in character. ${situation}`, {
        kind: "rubric",
        criteria: `Stays in character as ${who} throughout, using ${voice}; ${check}; never mentions being an AI or a language model and does not step out of the scene; a reply of a few sentences to a short paragraph.`,
      }),
    ),
  );
}

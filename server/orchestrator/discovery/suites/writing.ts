import { unkeyed, type BuiltinEntry } from "./build";

/**
 * writing: eight forms, six subjects each, judged against the form's rules plus the subject. The criteria
 * name checkable properties (line counts, rhyme scheme, length, register) so a judge model can decide
 * pass/fail consistently rather than by taste.
 */

interface Form {
  family: string;
  prompt: (subject: string) => string;
  criteria: (subject: string) => string;
  subjects: readonly string[];
}

const FORMS: readonly Form[] = [
  {
    family: "haiku",
    prompt: (s) => `Write a haiku about ${s}.`,
    criteria: (s) => `A haiku about ${s}: exactly three lines of roughly 5, 7 and 5 syllables, built on a concrete image; no title or commentary.`,
    subjects: ["the first snow of winter", "a cup of morning coffee", "a lighthouse at night", "autumn leaves in a city park", "a cat asleep in the sun", "rain on a tin roof"],
  },
  {
    family: "limerick",
    prompt: (s) => `Write a limerick about ${s}.`,
    criteria: (s) => `A limerick about ${s}: five lines, AABBA rhyme scheme, lines 3 and 4 shorter than the others, and a humorous final line.`,
    subjects: ["a forgetful wizard", "a dog who loves the mailman", "a chef who burns everything", "a penguin on holiday", "an astronaut who lost her keys", "a very slow snail in a race"],
  },
  {
    family: "quatrain",
    prompt: (s) => `Write a four-line rhyming poem about ${s}.`,
    criteria: (s) => `Exactly four lines about ${s}, with a clear rhyme scheme (AABB or ABAB) and a consistent tone.`,
    subjects: ["the ocean at dawn", "an old wooden bridge", "a grandmother's kitchen", "the last day of summer", "a busy train station", "a garden after rain"],
  },
  {
    family: "story-opening",
    prompt: (s) => `Write the opening paragraph (about 100 words) of a short story set ${s}.`,
    criteria: (s) => `One paragraph of roughly 70 to 140 words, clearly set ${s}, introducing a character and a hook that makes the reader want to continue; vivid, specific detail; no title.`,
    subjects: ["in a lighthouse during a storm", "on a night train across Europe", "in a bakery before dawn", "on the first human colony on Mars", "in a small village the day the river froze", "in a library that never closes"],
  },
  {
    family: "formal-email",
    prompt: (s) => `Write a short formal email ${s}.`,
    criteria: (s) => `A formal email ${s}: a subject line or clear opening, polite and professional register, states the purpose in the first lines, includes the necessary details, and a courteous sign-off; under 200 words.`,
    subjects: [
      "to a landlord asking for a broken heater to be repaired",
      "to a professor requesting an extension for an essay",
      "to a hotel asking to change a booking from two nights to three",
      "to a customer apologising for a delayed delivery",
      "to a colleague declining a meeting invitation and proposing another time",
      "to a city council reporting a dangerous pothole on your street",
    ],
  },
  {
    family: "product-description",
    prompt: (s) => `Write a product description of about 80 words for ${s}.`,
    criteria: (s) => `A persuasive description of ${s} of roughly 50 to 120 words: names concrete features and the benefit of each, addresses the buyer, no invented safety or medical claims.`,
    subjects: ["a handmade ceramic mug", "a waterproof hiking backpack", "a reusable beeswax food wrap", "a solar-powered garden lamp", "a beginner's watercolour paint set", "a noise-cancelling sleep mask"],
  },
  {
    family: "thank-you-note",
    prompt: (s) => `Write a short thank-you note ${s}.`,
    criteria: (s) => `A warm, sincere thank-you note ${s}: mentions the specific gift or help, says why it mattered, and is brief (under 120 words).`,
    subjects: [
      "to a neighbour who watered your plants while you were away",
      "to a teacher at the end of the school year",
      "to a friend who helped you move house",
      "to your aunt for a knitted scarf",
      "to a colleague who covered your shift",
      "to the nurses who cared for your father",
    ],
  },
  {
    family: "persuasive",
    prompt: (s) => `Write a persuasive paragraph arguing that ${s}.`,
    criteria: (s) => `One paragraph arguing that ${s}: a clear claim, at least two distinct supporting reasons, an acknowledgement of a counter-argument or a call to action, and a confident but respectful tone.`,
    subjects: [
      "cities should have more public drinking fountains",
      "schools should teach cooking",
      "everyone should learn to swim",
      "libraries matter more than ever",
      "companies should offer a four-day work week trial",
      "people should repair things instead of replacing them",
    ],
  },
];

export function writingEntries(): BuiltinEntry[] {
  return FORMS.flatMap((form) =>
    form.subjects.map((subject, i) => unkeyed("writing", form.family, i, form.prompt(subject), { kind: "rubric", criteria: form.criteria(subject) })),
  );
}

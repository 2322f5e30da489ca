import { unkeyed, type BuiltinEntry } from "./build";

/**
 * brainstorming: "give five X for Y" across four templates and eleven subjects each. The judge checks the
 * count, distinctness, relevance and concreteness; originality beyond that is not graded, so pass/fail
 * stays consistent between judges.
 */

const TEMPLATES: ReadonlyArray<[family: string, prompt: (s: string) => string, subjects: readonly string[]]> = [
  [
    "names",
    (s) => `List 5 names for a new ${s}.`,
    ["bakery", "bicycle repair shop", "dog-walking service", "vegan café", "second-hand bookshop", "indie video game studio", "yoga studio", "plant nursery", "podcast about history", "house cleaning company", "children's science club"],
  ],
  [
    "ways",
    (s) => `Suggest 5 ways to ${s}.`,
    ["reduce food waste at home", "make a long commute more enjoyable", "save money on groceries", "get better sleep", "learn a new language on a tight schedule", "make team meetings shorter", "reduce plastic use in an office", "encourage children to read more", "stay active while working from home", "make a small apartment feel bigger", "welcome new neighbours"],
  ],
  [
    "themes",
    (s) => `Give 5 theme ideas for ${s}.`,
    ["a company summer party", "a ten-year-old's birthday party", "a school fundraising fair", "a wedding reception", "a charity fun run", "a library reading week", "a science museum late-night event", "a New Year's Eve dinner", "a neighbourhood street party", "a university open day", "a retirement party"],
  ],
  [
    "uses",
    (s) => `List 5 unusual but practical uses for ${s}.`,
    ["an empty glass jar", "a shoebox", "an old T-shirt", "a wooden clothes peg", "a tennis ball", "an old bedsheet", "a muffin tin", "a binder clip", "a plastic bottle", "a chipped coffee mug", "a cardboard tube"],
  ],
];

export function brainstormingEntries(): BuiltinEntry[] {
  return TEMPLATES.flatMap(([family, prompt, subjects]) =>
    subjects.map((subject, i) =>
      unkeyed("brainstorming", family, i, prompt(subject), {
        kind: "rubric",
        criteria: `Exactly five ideas, presented as a list; each is relevant to ${subject} and concrete enough to act on; no two ideas are duplicates or trivial variations of each other; little or no filler text.`,
      }),
    ),
  );
}

import { keyed, numericWrongAnswers, others, type BuiltinEntry } from "./build";

/**
 * reasoning: short-answer puzzles whose answers are computed here. Four generated families:
 * - orderings: a chain of comparisons stated out of order; who is first/last/second;
 * - syllogisms over nonsense words (so world knowledge cannot help), valid and invalid forms;
 * - number sequences (arithmetic, geometric, squares plus a constant): the next term;
 * - calendar: the weekday n days after a given day.
 * All are answer-keyed; wrong answers are the tempting ones (another name, the other of yes/no).
 */

const EXACT = { kind: "exact" } as const;

const NAMES = ["Anna", "Ben", "Carla", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Keiko", "Liam"];

interface Relation {
  more: string;
  less: string;
  most: string;
  least: string;
}

const RELATIONS: readonly Relation[] = [
  { more: "taller", less: "shorter", most: "tallest", least: "shortest" },
  { more: "older", less: "younger", most: "oldest", least: "youngest" },
  { more: "faster", less: "slower", most: "fastest", least: "slowest" },
  { more: "heavier", less: "lighter", most: "heaviest", least: "lightest" },
];

function pick<T>(list: readonly T[], i: number): T {
  const value = list[((i % list.length) + list.length) % list.length];
  if (value === undefined) throw new Error("empty list");
  return value;
}

/** `order` runs from most to least; statements compare neighbours, alternating the wording, listed out of order. */
function orderingEntry(index: number, size: 3 | 4): BuiltinEntry {
  const relation = pick(RELATIONS, index);
  const order = Array.from({ length: size }, (_, k) => pick(NAMES, index * 5 + k * 7));
  const statements = order.slice(0, -1).map((name, k) => {
    const next = order[k + 1] ?? "";
    return k % 2 === index % 2 ? `${name} is ${relation.more} than ${next}.` : `${next} is ${relation.less} than ${name}.`;
  });
  // state the comparisons out of order so the answer is not simply the first name mentioned
  const shuffled = index % 2 === 0 ? [...statements].reverse() : [...statements.slice(1), ...statements.slice(0, 1)];
  const questions: ReadonlyArray<[string, string]> = [
    [`Who is the ${relation.most}?`, order[0] ?? ""],
    [`Who is the ${relation.least}?`, order[size - 1] ?? ""],
    [`Who is the second ${relation.most}?`, order[1] ?? ""],
  ];
  const [question, answer] = pick(questions, size === 3 ? index % 2 : index);
  return keyed(
    "reasoning",
    `ordering${size}`,
    size === 3 ? index : index - 12,
    `${shuffled.join(" ")} ${question} Answer with the name only.`,
    EXACT,
    answer,
    others(order, answer),
  );
}

// [premise 1, premise 2, conclusion, follows?] with A, B, C standing for nonsense plural nouns
const SYLLOGISMS: ReadonlyArray<[string, string, string, boolean]> = [
  ["All A are B.", "All B are C.", "all A are C", true],
  ["All A are B.", "All C are B.", "all A are C", false],
  ["No A are B.", "All C are A.", "no C are B", true],
  ["Some A are B.", "All B are C.", "some A are C", true],
  ["All A are B.", "Some B are C.", "some A are C", false],
  ["All A are B.", "No B are C.", "no A are C", true],
  ["No A are B.", "No B are C.", "no A are C", false],
  ["Some A are not B.", "All C are B.", "some A are not C", true],
];
const NONSENSE: ReadonlyArray<[string, string, string]> = [
  ["blickets", "daxes", "wugs"],
  ["florps", "zindles", "quorbs"],
];

function syllogismEntries(): BuiltinEntry[] {
  return NONSENSE.flatMap((words, w) =>
    SYLLOGISMS.map(([p1, p2, conclusion, follows], s) => {
      const fill = (text: string) => text.replace(/\bA\b/g, words[0]).replace(/\bB\b/g, words[1]).replace(/\bC\b/g, words[2]);
      const answer = follows ? "yes" : "no";
      return keyed(
        "reasoning",
        "syllogism",
        w * SYLLOGISMS.length + s,
        `${fill(p1)} ${fill(p2)} Does it necessarily follow that ${fill(conclusion)}? Answer with yes or no only.`,
        EXACT,
        answer,
        [follows ? "no" : "yes"],
      );
    }),
  );
}

function sequenceEntries(): BuiltinEntry[] {
  const sequences: number[][] = [];
  for (const [start, step] of [[3, 4], [10, 7], [50, -6], [2, 9], [-5, 3], [100, 25]] as const) {
    sequences.push(Array.from({ length: 5 }, (_, k) => start + step * k));
  }
  for (const [start, ratio] of [[2, 3], [5, 2], [1, 4], [3, 5]] as const) {
    sequences.push(Array.from({ length: 5 }, (_, k) => start * ratio ** k));
  }
  for (const offset of [0, 3]) sequences.push(Array.from({ length: 5 }, (_, k) => (k + 1) ** 2 + offset));
  return sequences.map((terms, i) => {
    const shown = terms.slice(0, 4);
    const answer = terms[4] ?? 0;
    return keyed(
      "reasoning",
      "sequence",
      i,
      `What is the next number in the sequence ${shown.join(", ")}, …? Answer with the number only.`,
      { kind: "numeric", tolerance: 0 },
      String(answer),
      answer >= 0 ? numericWrongAnswers(answer) : [String(answer + 1), String(answer - 1)],
    );
  });
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function weekdayEntries(): BuiltinEntry[] {
  const offsets = [3, 10, 15, 23, 30, 45, 100, 9, 12, 40, 61, 365];
  return offsets.map((days, i) => {
    const start = i % DAYS.length;
    const answer = pick(DAYS, start + days);
    return keyed(
      "reasoning",
      "weekday",
      i,
      `If today is ${pick(DAYS, start)}, what day of the week will it be in ${days} days? Answer with the day only.`,
      EXACT,
      answer,
      [pick(DAYS, start + days + 1), pick(DAYS, start + days - 1), pick(DAYS, start)],
    );
  });
}

export function reasoningEntries(): BuiltinEntry[] {
  const orderings = [
    ...Array.from({ length: 12 }, (_, i) => orderingEntry(i, 3)),
    ...Array.from({ length: 12 }, (_, i) => orderingEntry(i + 12, 4)),
  ];
  return [...orderings, ...syllogismEntries(), ...sequenceEntries(), ...weekdayEntries()];
}

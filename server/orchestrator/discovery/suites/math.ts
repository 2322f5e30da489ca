import { integer, keyed, numericWrongAnswers, type BuiltinEntry } from "./build";

/**
 * math: seven families of word problems, eight each, with answers computed here (never typed by hand).
 * Every answer is a whole number so the numeric grader runs with tolerance 0 and slips fail. All items are
 * answer-keyed so simulated models answer them from the key.
 */

const NUMBER_ONLY = "Answer with the number only.";
const GRADER = { kind: "numeric", tolerance: 0 } as const;

type Family = (i: number) => { prompt: string; answer: number };

const PERCENT: ReadonlyArray<[number, number]> = [[10, 80], [20, 120], [25, 240], [30, 360], [40, 415], [50, 522], [60, 640], [75, 880]];
const TRAIN: ReadonlyArray<[number, number]> = [[60, 3], [72, 4], [85, 2], [90, 5], [110, 3], [48, 6], [64, 7], [120, 2]];
const AVERAGE: ReadonlyArray<[number, number, number]> = [[12, 15, 18], [7, 20, 33], [40, 52, 61], [9, 14, 22], [100, 120, 170], [25, 36, 47], [8, 16, 30], [55, 65, 81]];
const RECTANGLE: ReadonlyArray<[number, number]> = [[4, 9], [7, 12], [15, 6], [11, 13], [5, 18], [14, 8], [9, 21], [16, 25]];
const CHANGE: ReadonlyArray<[number, number]> = [[3, 4], [4, 5], [6, 3], [7, 2], [2, 9], [5, 6], [8, 4], [9, 3]];
const SHARING: ReadonlyArray<[number, number]> = [[4, 7], [6, 9], [8, 12], [5, 13], [3, 21], [9, 8], [7, 11], [12, 6]];
const AGES: ReadonlyArray<[number, number, number]> = [[6, 5, 4], [8, 4, 10], [9, 3, 7], [5, 7, 3], [11, 3, 12], [7, 6, 5], [12, 4, 2], [10, 5, 9]];
const NAMES = ["Sam", "Priya", "Tom", "Aiko", "Lucas", "Fatima", "Noah", "Elena"];

const at = <T>(list: readonly T[], i: number): T => {
  const value = list[i % list.length];
  if (value === undefined) throw new Error("empty list");
  return value;
};

const FAMILIES: ReadonlyArray<[name: string, count: number, family: Family]> = [
  ["percent", PERCENT.length, (i) => {
    const [p, n] = at(PERCENT, i);
    return { prompt: `What is ${p}% of ${n}? ${NUMBER_ONLY}`, answer: integer((p * n) / 100, `${p}% of ${n}`) };
  }],
  ["speed", TRAIN.length, (i) => {
    const [v, t] = at(TRAIN, i);
    return { prompt: `A train travels at a steady ${v} km/h for ${t} hours. How many kilometres does it travel? ${NUMBER_ONLY}`, answer: v * t };
  }],
  ["average", AVERAGE.length, (i) => {
    const [a, b, c] = at(AVERAGE, i);
    return { prompt: `What is the average (arithmetic mean) of ${a}, ${b} and ${c}? ${NUMBER_ONLY}`, answer: integer((a + b + c) / 3, `mean of ${a},${b},${c}`) };
  }],
  ["rectangle", RECTANGLE.length, (i) => {
    const [w, h] = at(RECTANGLE, i);
    return i % 2 === 0
      ? { prompt: `A rectangle is ${w} cm wide and ${h} cm long. What is its area in square centimetres? ${NUMBER_ONLY}`, answer: w * h }
      : { prompt: `A rectangle is ${w} cm wide and ${h} cm long. What is its perimeter in centimetres? ${NUMBER_ONLY}`, answer: 2 * (w + h) };
  }],
  ["change", CHANGE.length, (i) => {
    const [price, count] = at(CHANGE, i);
    const bill = price * count < 20 ? 20 : 50;
    const name = at(NAMES, i);
    return {
      prompt: `Notebooks cost ${price} dollars each. ${name} buys ${count} notebooks and pays with a ${bill}-dollar note. How many dollars of change does ${name} get? ${NUMBER_ONLY}`,
      answer: bill - price * count,
    };
  }],
  ["sharing", SHARING.length, (i) => {
    const [children, each] = at(SHARING, i);
    return { prompt: `${children * each} apples are shared equally among ${children} children. How many apples does each child get? ${NUMBER_ONLY}`, answer: each };
  }],
  ["ages", AGES.length, (i) => {
    const [age, times, years] = at(AGES, i);
    const name = at(NAMES, i + 3);
    return {
      prompt: `${name} is ${age} years old. ${name}'s mother is ${times} times as old as ${name}. How old will the mother be in ${years} years? ${NUMBER_ONLY}`,
      answer: age * times + years,
    };
  }],
];

export function mathEntries(): BuiltinEntry[] {
  return FAMILIES.flatMap(([name, count, family]) =>
    Array.from({ length: count }, (_, i) => {
      const { prompt, answer } = family(i);
      return keyed("math", name, i, prompt, GRADER, String(answer), numericWrongAnswers(answer));
    }),
  );
}

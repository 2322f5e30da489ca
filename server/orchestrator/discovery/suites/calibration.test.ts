import { describe, expect, it } from "vitest";
import { gradeText } from "../graders/grade";
import { COPY_RUN_WORDS, promptCoverage, visibleLength } from "../graders/chrf-limits";
import { suiteFor } from "../index";
import type { SuiteItem } from "../suite-types";

/**
 * The chrF pass marks, checked against hand-written alternatives: a correct paraphrase must pass, and a
 * wrong, untranslated or templated reply must fail. If a reference or threshold changes, these catch it.
 */

function itemWith(capability: "translation" | "summarization", promptPart: string): SuiteItem {
  const item = suiteFor(capability).items.find((i) => i.prompt.includes(promptPart));
  if (!item || item.grader.kind !== "chrf") throw new Error(`no chrF item with "${promptPart}"`);
  return item;
}

describe("translation pass mark", () => {
  const cases: ReadonlyArray<[prompt: string, hypothesis: string, pass: boolean]> = [
    ['French: "The cat is sleeping on the sofa."', "Le chat est en train de dormir sur le canapé.", true],
    ['French: "We had dinner in a small restaurant."', "Nous avons mangé dans un petit restaurant.", true],
    ['French: "Can you help me, please?"', "Peux-tu m'aider, s'il te plaît ?", true],
    ['Spanish: "The cat is sleeping on the sofa."', "El gato está durmiendo en el sofá.", true],
    ['Spanish: "Good morning, how are you?"', "Buenos días, ¿cómo está usted?", true],
    ['French: "The train leaves at eight o\'clock."', "Le train part à 8 heures.", true],
    ['Spanish: "We are going to the beach tomorrow."', "Vamos a la playa mañana.", true],
    ['Spanish: "I would like a glass of water, please."', "Me gustaría un vaso de agua, por favor.", true],
    ['French: "The cat is sleeping on the sofa."', "The cat is sleeping on the sofa.", false],
    ['French: "The cat is sleeping on the sofa."', "El gato duerme en el sofá.", false],
    ['Spanish: "The keys are on the table."', "Los niños juegan en el jardín.", false],
    ['French: "The museum opens at nine o\'clock."', "Il est neuf heures.", false],
    ['French: "The museum opens at nine o\'clock."', "Here is the translation of \"Translate this sentence into French\". The key consideration is to keep the main goal in view.", false],
  ];
  it.each(cases)("%s ← %j passes: %s", async (prompt, hypothesis, pass) => {
    const graded = await gradeText(itemWith("translation", prompt), hypothesis, {});
    expect(graded.pass, graded.detail).toBe(pass);
  });
});

describe("summarization pass mark", () => {
  const cases: ReadonlyArray<[prompt: string, hypothesis: string, pass: boolean]> = [
    ["Riverside Rovers beat Hillcrest United", "Riverside Rovers won 2-1 against Hillcrest United with a late goal by Tomás Ortega and went top of the league.", true],
    ["Brightwave, the headphone maker", "Brightwave's revenue grew 18 percent to 412 million dollars thanks to demand for noise-cancelling headphones, and its shares went up 6 percent.", true],
    ["issued a storm warning for the northern coast", "Forecasters warn of a storm on the northern coast from Monday and tell residents to stay indoors and secure loose objects.", true],
    ["HomeChef is recalling", "HomeChef recalls 12000 slow cookers because the lid handle can overheat and burn people; owners should return them for a refund.", true],
    ["Riverside Rovers beat Hillcrest United", "Brightwave's revenue grew 18 percent thanks to demand for headphones.", false],
    ["HomeChef is recalling", "Summary of \"Summarize the following text in one sentence\": The key consideration is to keep the main goal in view.", false],
    ["issued a storm warning for the northern coast", "It is a text about something.", false],
  ];
  it.each(cases)("%s ← %j passes: %s", async (prompt, hypothesis, pass) => {
    const graded = await gradeText(itemWith("summarization", prompt), hypothesis, {});
    expect(graded.pass, graded.detail).toBe(pass);
  });
});

/** The passage a summarization prompt asks to summarise (everything after the instruction line). */
function passageOf(item: SuiteItem): string {
  return item.prompt.split("\n\n").slice(1).join("\n\n");
}

function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2);
  return `min ${at(0)} median ${at(0.5)} max ${at(1)} (n ${sorted.length})`;
}

function chrfItems(capability: "translation" | "summarization") {
  return suiteFor(capability).items.flatMap((item) => (item.grader.kind === "chrf" ? [{ item, grader: item.grader }] : []));
}

describe("copying and padding (the cuts in graders/chrf-limits.ts, measured on the suites' own references)", () => {
  it("fails a verbatim or trimmed echo of the passage on every summarization item; the references pass", async () => {
    const items = chrfItems("summarization");
    const referenceShare = items.map(({ item, grader }) => visibleLength(grader.reference) / visibleLength(passageOf(item)));
    const echoRatio = items.map(({ item, grader }) => visibleLength(passageOf(item)) / visibleLength(grader.reference));
    const referenceCopy = items.map(({ item, grader }) => promptCoverage(item.prompt, grader.reference));
    const echoCopy = items.map(({ item }) => promptCoverage(item.prompt, passageOf(item)));
    const trimmed = (item: SuiteItem) => passageOf(item).split(/(?<=\.)\s+/).slice(0, -1).join(" ");
    const trimmedCopy = items.map(({ item }) => promptCoverage(item.prompt, trimmed(item)));
    console.log(`summaries: reference length / passage length ${spread(referenceShare)}`);
    console.log(`summaries: echo length / reference length ${spread(echoRatio)} (cut: > 1.5 fails)`);
    console.log(`summaries: share of the prompt's words copied in runs of ${COPY_RUN_WORDS}+ words: references ${spread(referenceCopy)}`);
    console.log(`summaries: … echo ${spread(echoCopy)}; echo without its last sentence ${spread(trimmedCopy)} (cut: > 0.55 fails)`);
    let echoes = 0;
    for (const { item, grader } of items) {
      expect((await gradeText(item, grader.reference, {})).pass, item.id).toBe(true);
      for (const reply of [passageOf(item), item.prompt, `Summary: ${passageOf(item)}`, trimmed(item)]) {
        const graded = await gradeText(item, reply, {});
        expect(graded.pass, `${item.id}: ${graded.detail}`).toBe(false);
        echoes += 1;
      }
    }
    expect(items).toHaveLength(44);
    expect(echoes).toBe(4 * 44);
  });

  it("fails two candidate translations in one reply on every translation item; each reference alone passes", async () => {
    const items = chrfItems("translation");
    const refLengths = items.map(({ grader }) => [grader.reference, ...(grader.alternatives ?? [])].map(visibleLength));
    console.log(`translations: longest / shortest reference of an item ${spread(refLengths.map((l) => Math.max(...l) / Math.min(...l)))}`);
    const paraphrase = visibleLength("Le chat est en train de dormir sur le canapé.") / visibleLength("Le chat dort sur le canapé.");
    console.log(`translations: longest passing paraphrase in the pass-mark table / its reference ${paraphrase.toFixed(2)} (cut: > 1.8 × the longest reference fails)`);
    for (const { item, grader } of items) {
      const references = [grader.reference, ...(grader.alternatives ?? [])];
      for (const reference of references) expect((await gradeText(item, reference, {})).pass, `${item.id} ${reference}`).toBe(true);
      const other = references[1] ?? references[0] ?? "";
      for (const reply of [
        `${grader.reference} ${other}`,
        `${grader.reference}\n${other}`,
        `${grader.reference} / ${other}`,
        `1. ${grader.reference}\n2. ${other}`,
        `${other} ${grader.reference}`,
      ]) {
        const graded = await gradeText(item, reply, {});
        expect(graded.pass, `${item.id} ${JSON.stringify(reply)}: ${graded.detail}`).toBe(false);
      }
    }
    expect(items).toHaveLength(44);
  });
});

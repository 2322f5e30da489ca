import { describe, expect, it } from "vitest";
import { gradeText } from "../graders/grade";
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

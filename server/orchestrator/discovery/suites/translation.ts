import { unkeyed, type BuiltinEntry } from "./build";

/**
 * translation: everyday English sentences with one standard French or Spanish rendering, graded by chrF
 * against that reference. Sentences are plain present/past tense with no idioms, so a correct translation
 * shares most character n-grams with the reference even when it picks another valid word order or tense
 * form; where two renderings are equally standard (tu/vous, usted/tú, word order) both are references.
 * The pass mark, chrF 50, sits between a faithful paraphrase (about 55 and up, see calibration.test.ts)
 * and a wrong or untranslated sentence (about 45 and below for short sentences sharing a word or two).
 * Two renderings in one reply would score 77–85, so the grader fails a reply over 1.8× the longest
 * reference or offering two candidates that each pass alone (graders/chrf-limits.ts).
 */

export const TRANSLATION_THRESHOLD = 50;

const FRENCH: ReadonlyArray<[english: string, reference: string, ...alternatives: string[]]> = [
  ["The cat is sleeping on the sofa.", "Le chat dort sur le canapé."],
  ["I would like a glass of water, please.", "Je voudrais un verre d'eau, s'il vous plaît."],
  ["The children are playing in the garden.", "Les enfants jouent dans le jardin."],
  ["We are going to the beach tomorrow.", "Nous allons à la plage demain.", "Demain, nous allons à la plage."],
  ["My brother works in a bank.", "Mon frère travaille dans une banque."],
  ["Where is the train station?", "Où est la gare ?"],
  ["It is raining today.", "Il pleut aujourd'hui.", "Aujourd'hui, il pleut."],
  ["I have two sisters and one brother.", "J'ai deux sœurs et un frère."],
  ["The book is on the table.", "Le livre est sur la table."],
  ["She reads a newspaper every morning.", "Elle lit un journal chaque matin."],
  ["We had dinner in a small restaurant.", "Nous avons dîné dans un petit restaurant."],
  ["The museum opens at nine o'clock.", "Le musée ouvre à neuf heures."],
  ["I don't understand the question.", "Je ne comprends pas la question."],
  ["Can you help me, please?", "Pouvez-vous m'aider, s'il vous plaît ?", "Peux-tu m'aider, s'il te plaît ?"],
  ["My favourite colour is blue.", "Ma couleur préférée est le bleu.", "Ma couleur favorite est le bleu."],
  ["He is learning to play the piano.", "Il apprend à jouer du piano."],
  ["The shop is closed on Sundays.", "Le magasin est fermé le dimanche."],
  ["We need to buy bread and milk.", "Nous devons acheter du pain et du lait."],
  ["The dog is running in the park.", "Le chien court dans le parc."],
  ["I live in a small apartment.", "J'habite dans un petit appartement.", "Je vis dans un petit appartement."],
  ["Thank you very much for your help.", "Merci beaucoup pour votre aide.", "Merci beaucoup pour ton aide."],
  ["The train leaves at eight o'clock.", "Le train part à huit heures."],
];

const SPANISH: ReadonlyArray<[english: string, reference: string, ...alternatives: string[]]> = [
  ["The cat is sleeping on the sofa.", "El gato duerme en el sofá.", "El gato está durmiendo en el sofá."],
  ["I would like a glass of water, please.", "Quisiera un vaso de agua, por favor.", "Me gustaría un vaso de agua, por favor."],
  ["The children are playing in the garden.", "Los niños juegan en el jardín.", "Los niños están jugando en el jardín."],
  ["We are going to the beach tomorrow.", "Mañana vamos a la playa.", "Vamos a la playa mañana."],
  ["My sister works in a hospital.", "Mi hermana trabaja en un hospital."],
  ["Where is the library?", "¿Dónde está la biblioteca?"],
  ["It is very hot today.", "Hoy hace mucho calor.", "Hace mucho calor hoy."],
  ["I have three cousins.", "Tengo tres primos.", "Tengo tres primas."],
  ["The keys are on the table.", "Las llaves están en la mesa."],
  ["He drinks coffee every morning.", "Él bebe café todas las mañanas.", "Toma café todas las mañanas."],
  ["We visited the museum yesterday.", "Ayer visitamos el museo.", "Visitamos el museo ayer."],
  ["The shop opens at ten.", "La tienda abre a las diez."],
  ["I don't speak German.", "No hablo alemán."],
  ["Can you repeat that, please?", "¿Puede repetir eso, por favor?", "¿Puedes repetir eso, por favor?"],
  ["My favourite food is rice.", "Mi comida favorita es el arroz."],
  ["She is learning to swim.", "Ella está aprendiendo a nadar.", "Está aprendiendo a nadar."],
  ["The bus arrives in five minutes.", "El autobús llega en cinco minutos."],
  ["We need more time.", "Necesitamos más tiempo."],
  ["The window is open.", "La ventana está abierta."],
  ["I live near the sea.", "Vivo cerca del mar."],
  ["The book is very interesting.", "El libro es muy interesante."],
  ["Good morning, how are you?", "Buenos días, ¿cómo estás?", "Buenos días, ¿cómo está usted?"],
];

export function translationEntries(): BuiltinEntry[] {
  const make = (language: "French" | "Spanish", family: string) => ([english, reference, ...alternatives]: readonly [string, string, ...string[]], i: number) =>
    unkeyed(
      "translation",
      family,
      i,
      `Translate this sentence into ${language}: "${english}" Reply with the translation only.`,
      { kind: "chrf", reference, ...(alternatives.length > 0 ? { alternatives } : {}), threshold: TRANSLATION_THRESHOLD },
      { tags: [family, language.toLowerCase()] },
    );
  return [...FRENCH.map(make("French", "en-fr")), ...SPANISH.map(make("Spanish", "en-es"))];
}

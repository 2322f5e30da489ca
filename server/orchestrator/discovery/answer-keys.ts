import { z } from "zod";
import { ConflictError } from "../errors";
import { capabilitySchema, type Capability } from "../spec";
import { suiteAnswerKeys } from "./suites/answer-keys";

/**
 * Answer keys: questions whose correct answer is known, so discovery can grade a model exactly and the
 * simulated provider can answer them right or wrong on purpose. Lookup is by the normalised question text.
 * The built-in bank below is generated deterministically (no randomness), so every run and every process
 * sees the same questions in the same order.
 */

export const answerKeySchema = z.object({
  capability: capabilitySchema,
  prompt: z.string().trim().min(1),
  answer: z.string().trim().min(1),
  /** plausible wrong answers a weak model would give; never the answer itself */
  wrongAnswers: z.array(z.string().trim().min(1)).min(1),
});
export type AnswerKey = z.infer<typeof answerKeySchema>;

export interface AnswerKeyMatch {
  capability: Capability;
  answer: string;
  wrongAnswers: string[];
}

/** Case, Unicode form and runs of whitespace do not make a different question. */
export function normalisePrompt(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

export class AnswerKeyBook {
  private readonly byPrompt = new Map<string, AnswerKey>();

  /** Adds a key; the same question again is a no-op, the same question with another answer a conflict. */
  register(key: AnswerKey): void {
    const parsed = answerKeySchema.parse(key);
    const wrongAnswers = parsed.wrongAnswers.filter((w) => w.toLowerCase() !== parsed.answer.toLowerCase());
    if (wrongAnswers.length === 0) throw new ConflictError(`answer key "${parsed.prompt}": every wrong answer equals the answer`);
    const normalised = normalisePrompt(parsed.prompt);
    const existing = this.byPrompt.get(normalised);
    if (existing) {
      if (existing.answer !== parsed.answer || existing.capability !== parsed.capability) {
        throw new ConflictError(`answer key "${parsed.prompt}" is already registered with another answer`);
      }
      return;
    }
    this.byPrompt.set(normalised, { ...parsed, wrongAnswers });
  }

  registerAll(keys: Iterable<AnswerKey>): void {
    for (const key of keys) this.register(key);
  }

  lookup(prompt: string): AnswerKeyMatch | undefined {
    const key = this.byPrompt.get(normalisePrompt(prompt));
    return key && { capability: key.capability, answer: key.answer, wrongAnswers: [...key.wrongAnswers] };
  }

  /** Every key, or those of one capability, in registration order. */
  keys(capability?: Capability): AnswerKey[] {
    const all = [...this.byPrompt.values()];
    return capability ? all.filter((k) => k.capability === capability) : all;
  }

  get size(): number {
    return this.byPrompt.size;
  }
}

// ---------------------------------------------------------------------------------------------------------
// math: arithmetic in five phrasings. Operands walk fixed strides through their ranges so the bank is spread
// out yet reproducible; wrong answers are the slips people and weak models make (off by one, by ten, a
// dropped carry, swapped digits).

const MATH_QUESTION_COUNT = 2400;

function numericWrongAnswers(answer: number): string[] {
  const digits = String(Math.abs(answer));
  const swapped = digits.length >= 2 ? Number(digits.slice(0, -2) + digits.at(-1) + digits.at(-2)) : answer + 2;
  const candidates = [answer + 1, answer - 1, answer + 10, answer - 10, swapped, answer + 100];
  const unique = [...new Set(candidates)].filter((n) => n !== answer && n >= 0);
  return unique.slice(0, 4).map(String);
}

interface MathItem {
  prompt: string;
  answer: number;
}

function mathItem(index: number): MathItem {
  const a = 100 + ((index * 7919) % 900);
  const b = 12 + ((index * 104_729) % 88);
  const c = 1000 + ((index * 15_485_863) % 9000);
  switch (index % 5) {
    case 0:
      return { prompt: `What is ${c} + ${a}? Answer with the number only.`, answer: c + a };
    case 1:
      return { prompt: `What is ${c} - ${a}? Answer with the number only.`, answer: c - a };
    case 2:
      return { prompt: `What is ${a} * ${b}? Answer with the number only.`, answer: a * b };
    case 3:
      return {
        prompt: `A warehouse ships ${b} crates with ${a} bolts in each crate. How many bolts does it ship in total? Answer with the number only.`,
        answer: a * b,
      };
    default:
      return {
        prompt: `Maria had ${c} stamps and gave ${a} of them to her brother. How many stamps does she have left? Answer with the number only.`,
        answer: c - a,
      };
  }
}

function mathKeys(): AnswerKey[] {
  const keys: AnswerKey[] = [];
  const seen = new Set<string>();
  for (let index = 0; keys.length < MATH_QUESTION_COUNT; index++) {
    const item = mathItem(index);
    if (seen.has(item.prompt)) continue;
    seen.add(item.prompt);
    keys.push({ capability: "math", prompt: item.prompt, answer: String(item.answer), wrongAnswers: numericWrongAnswers(item.answer) });
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------------------
// classification: sentiment (positive / negative / neutral) and news topic, each with a fixed label set.

const SENTIMENT_LABELS = ["positive", "negative", "neutral"] as const;
const REVIEWED_THINGS = [
  "The headphones",
  "This blender",
  "The hotel room",
  "The new phone",
  "This novel",
  "The restaurant",
  "The delivery service",
  "The laptop",
  "This winter jacket",
  "The museum tour",
];
const SENTIMENT_PHRASES: Record<(typeof SENTIMENT_LABELS)[number], string[]> = {
  positive: ["exceeded every expectation and I would happily buy it again", "is wonderful, and I recommend it to all my friends"],
  negative: ["broke after two days and support never replied", "was a complete waste of money and I regret it"],
  neutral: ["arrived on a Tuesday and matches the description", "comes in a cardboard box with a printed manual"],
};

function sentimentKeys(): AnswerKey[] {
  return REVIEWED_THINGS.flatMap((thing) =>
    SENTIMENT_LABELS.flatMap((label) =>
      SENTIMENT_PHRASES[label].map((phrase) => ({
        capability: "classification" as const,
        prompt: `Classify the sentiment of this review as positive, negative or neutral. Answer with the label only.\nReview: "${thing} ${phrase}."`,
        answer: label,
        wrongAnswers: SENTIMENT_LABELS.filter((l) => l !== label),
      })),
    ),
  );
}

const TOPIC_LABELS = ["sports", "politics", "technology", "health", "business"] as const;
const HEADLINES: Record<(typeof TOPIC_LABELS)[number], string[]> = {
  sports: [
    "Striker scores twice as the home team wins the cup final",
    "Tennis champion retires after twenty years on the tour",
    "Marathon runner breaks the course record by a minute",
    "Basketball team signs a new point guard before the playoffs",
    "Cyclists face a steep mountain stage in the third week of the race",
  ],
  politics: [
    "Parliament passes the budget after a late-night vote",
    "The prime minister announces a cabinet reshuffle",
    "Senators debate a bill to change election rules",
    "Opposition party wins the mayoral race in the capital",
    "Foreign ministers meet to negotiate a border treaty",
  ],
  technology: [
    "Chipmaker unveils a faster processor for laptops",
    "New smartphone update fixes a battery drain bug",
    "Researchers release an open-source programming language compiler",
    "Cloud provider opens a new data centre region",
    "Start-up launches a browser with built-in ad blocking",
  ],
  health: [
    "Study finds daily walking lowers the risk of heart disease",
    "Hospitals report a rise in seasonal flu cases",
    "New vaccine shows strong results in clinical trials",
    "Doctors recommend less salt to reduce blood pressure",
    "Clinic extends opening hours for mental health appointments",
  ],
  business: [
    "Retailer reports record quarterly profits",
    "Central bank raises interest rates by a quarter point",
    "Airline merger creates the country's largest carrier",
    "Shares of the car maker fall after weak sales figures",
    "Coffee chain plans to open two hundred new stores",
  ],
};

function topicKeys(): AnswerKey[] {
  return TOPIC_LABELS.flatMap((label) =>
    HEADLINES[label].map((headline) => ({
      capability: "classification" as const,
      prompt: `Classify the topic of this headline as one of: sports, politics, technology, health, business. Answer with the label only.\nHeadline: "${headline}"`,
      answer: label,
      wrongAnswers: TOPIC_LABELS.filter((l) => l !== label),
    })),
  );
}

// ---------------------------------------------------------------------------------------------------------
// knowledge: capital cities and chemical symbols. Only unambiguous, stable facts (no disputed or moving
// capitals); the classic mistake (largest city for capital) comes first among the wrong answers.

const CAPITALS: ReadonlyArray<[country: string, capital: string, classicMistake?: string]> = [
  ["France", "Paris", "Lyon"],
  ["Germany", "Berlin", "Munich"],
  ["Italy", "Rome", "Milan"],
  ["Spain", "Madrid", "Barcelona"],
  ["Portugal", "Lisbon", "Porto"],
  ["Japan", "Tokyo", "Osaka"],
  ["China", "Beijing", "Shanghai"],
  ["India", "New Delhi", "Mumbai"],
  ["Egypt", "Cairo", "Alexandria"],
  ["Kenya", "Nairobi", "Mombasa"],
  ["Canada", "Ottawa", "Toronto"],
  ["Australia", "Canberra", "Sydney"],
  ["Argentina", "Buenos Aires", "Córdoba"],
  ["Mexico", "Mexico City", "Guadalajara"],
  ["Russia", "Moscow", "Saint Petersburg"],
  ["Norway", "Oslo", "Bergen"],
  ["Sweden", "Stockholm", "Gothenburg"],
  ["Finland", "Helsinki", "Tampere"],
  ["Denmark", "Copenhagen", "Aarhus"],
  ["Poland", "Warsaw", "Kraków"],
  ["Austria", "Vienna", "Salzburg"],
  ["Hungary", "Budapest", "Debrecen"],
  ["Greece", "Athens", "Thessaloniki"],
  ["Ireland", "Dublin", "Cork"],
  ["Belgium", "Brussels", "Antwerp"],
  ["Switzerland", "Bern", "Zurich"],
  ["Czech Republic", "Prague", "Brno"],
  ["Turkey", "Ankara", "Istanbul"],
  ["South Korea", "Seoul", "Busan"],
  ["Thailand", "Bangkok", "Chiang Mai"],
  ["Vietnam", "Hanoi", "Ho Chi Minh City"],
  ["Philippines", "Manila", "Cebu"],
  ["Peru", "Lima", "Cusco"],
  ["Chile", "Santiago", "Valparaíso"],
  ["Cuba", "Havana", "Santiago de Cuba"],
  ["Morocco", "Rabat", "Casablanca"],
  ["Nigeria", "Abuja", "Lagos"],
  ["Ethiopia", "Addis Ababa", "Dire Dawa"],
  ["Ghana", "Accra", "Kumasi"],
  ["Iran", "Tehran", "Isfahan"],
  ["Iraq", "Baghdad", "Basra"],
  ["Saudi Arabia", "Riyadh", "Jeddah"],
  ["Pakistan", "Islamabad", "Karachi"],
  ["Afghanistan", "Kabul", "Kandahar"],
  ["Nepal", "Kathmandu", "Pokhara"],
  ["New Zealand", "Wellington", "Auckland"],
  ["Romania", "Bucharest", "Cluj-Napoca"],
  ["Bulgaria", "Sofia", "Plovdiv"],
  ["Serbia", "Belgrade", "Novi Sad"],
  ["Croatia", "Zagreb", "Split"],
  ["Slovakia", "Bratislava", "Košice"],
  ["Lithuania", "Vilnius", "Kaunas"],
  ["Latvia", "Riga"],
  ["Estonia", "Tallinn", "Tartu"],
  ["Venezuela", "Caracas", "Maracaibo"],
  ["Uruguay", "Montevideo"],
  ["Ecuador", "Quito", "Guayaquil"],
  ["Jamaica", "Kingston", "Montego Bay"],
  ["Syria", "Damascus", "Aleppo"],
  ["Lebanon", "Beirut"],
  ["Jordan", "Amman"],
  ["Qatar", "Doha"],
  ["Zimbabwe", "Harare", "Bulawayo"],
  ["Zambia", "Lusaka"],
  ["Senegal", "Dakar"],
  ["Mongolia", "Ulaanbaatar"],
  ["Malaysia", "Kuala Lumpur"],
  ["Bangladesh", "Dhaka", "Chittagong"],
  ["Cambodia", "Phnom Penh", "Siem Reap"],
  ["Laos", "Vientiane"],
  ["Algeria", "Algiers", "Oran"],
  ["Tunisia", "Tunis"],
  ["Uganda", "Kampala"],
];

function capitalKeys(): AnswerKey[] {
  return CAPITALS.map(([country, capital, classicMistake], index) => {
    // two other capitals from further along the list: plausible, wrong, and stable across runs
    const others = [7, 19].map((offset) => CAPITALS[(index + offset) % CAPITALS.length]?.[1] ?? "Paris");
    return {
      capability: "knowledge" as const,
      prompt: `What is the capital city of ${country}? Answer with the city name only.`,
      answer: capital,
      wrongAnswers: [...new Set([...(classicMistake ? [classicMistake] : []), ...others])].filter((c) => c !== capital),
    };
  });
}

const ELEMENTS: ReadonlyArray<[element: string, symbol: string, lookalike: string]> = [
  ["gold", "Au", "Go"],
  ["silver", "Ag", "Si"],
  ["iron", "Fe", "Ir"],
  ["sodium", "Na", "So"],
  ["potassium", "K", "P"],
  ["lead", "Pb", "Le"],
  ["copper", "Cu", "Co"],
  ["mercury", "Hg", "Me"],
  ["tin", "Sn", "Ti"],
  ["oxygen", "O", "Ox"],
  ["helium", "He", "H"],
  ["carbon", "C", "Ca"],
];

function elementKeys(): AnswerKey[] {
  return ELEMENTS.map(([element, symbol, lookalike], index) => ({
    capability: "knowledge" as const,
    prompt: `What is the chemical symbol for ${element}? Answer with the symbol only.`,
    answer: symbol,
    wrongAnswers: [lookalike, ELEMENTS[(index + 1) % ELEMENTS.length]?.[1] ?? "X"].filter((s) => s !== symbol),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// translation: short English phrases with one standard French and one standard Spanish rendering. Phrases
// whose translation depends on region, register or gender are left out (or kept for one language only).

const PHRASES: ReadonlyArray<[english: string, french: string | null, spanish: string | null]> = [
  ["thank you", "merci", "gracias"],
  ["good night", "bonne nuit", "buenas noches"],
  ["goodbye", "au revoir", "adiós"],
  ["yes", "oui", "sí"],
  ["good evening", "bonsoir", null],
  ["please", null, "por favor"],
  ["see you tomorrow", "à demain", "hasta mañana"],
  ["I am hungry", "j'ai faim", "tengo hambre"],
  ["one, two, three", "un, deux, trois", "uno, dos, tres"],
  ["the cat", "le chat", "el gato"],
  ["the dog", "le chien", "el perro"],
  ["the house", "la maison", "la casa"],
  ["the book", "le livre", "el libro"],
  ["the water", "l'eau", "el agua"],
  ["the sun", "le soleil", "el sol"],
  ["the moon", "la lune", "la luna"],
  ["the city", "la ville", "la ciudad"],
  ["the school", "l'école", "la escuela"],
  ["the bread", "le pain", "el pan"],
  ["the cheese", "le fromage", "el queso"],
  ["the milk", "le lait", "la leche"],
  ["the sea", "la mer", "el mar"],
  ["the tree", "l'arbre", "el árbol"],
  ["the flower", "la fleur", "la flor"],
  ["the window", "la fenêtre", "la ventana"],
  ["the table", "la table", "la mesa"],
  ["the chair", "la chaise", "la silla"],
  ["the kitchen", "la cuisine", "la cocina"],
  ["the garden", "le jardin", "el jardín"],
  ["the horse", "le cheval", "el caballo"],
  ["the train", "le train", "el tren"],
  ["the sky", "le ciel", "el cielo"],
  ["the night", "la nuit", "la noche"],
  ["the week", "la semaine", "la semana"],
  ["the mountain", "la montagne", "la montaña"],
  ["the king", "le roi", "el rey"],
  ["the queen", "la reine", "la reina"],
  ["the door", "la porte", "la puerta"],
  ["the key", "la clé", "la llave"],
  ["the hand", "la main", "la mano"],
  ["the head", "la tête", "la cabeza"],
  ["the heart", "le cœur", "el corazón"],
  ["the red apple", "la pomme rouge", "la manzana roja"],
  ["the black cat", "le chat noir", "el gato negro"],
  ["the white house", "la maison blanche", "la casa blanca"],
  ["the blue sky", "le ciel bleu", "el cielo azul"],
  ["the green door", "la porte verte", "la puerta verde"],
  ["the cold water", "l'eau froide", "el agua fría"],
];

/** A wrong article (gender slip) on "le x"/"la x"-style answers; undefined when there is no article to get wrong. */
function articleSlip(answer: string, language: "French" | "Spanish"): string | undefined {
  const swaps: Record<string, string> = language === "French" ? { "le ": "la ", "la ": "le " } : { "el ": "la ", "la ": "el " };
  const article = Object.keys(swaps).find((a) => answer.startsWith(a));
  return article ? `${swaps[article]}${answer.slice(article.length)}` : undefined;
}

function translationKeys(): AnswerKey[] {
  const keys: AnswerKey[] = [];
  PHRASES.forEach(([english, french, spanish], index) => {
    // the next phrase that has a rendering in the language: a real word, just not this one
    const neighbourIn = (column: 1 | 2) =>
      [1, 2, 3].map((offset) => PHRASES[(index + offset) % PHRASES.length]?.[column]).find((w) => typeof w === "string");
    for (const [language, answer, otherLanguage, neighbourAnswer] of [
      ["French", french, spanish, neighbourIn(1)],
      ["Spanish", spanish, french, neighbourIn(2)],
    ] as const) {
      if (!answer) continue;
      const wrongAnswers = [articleSlip(answer, language), otherLanguage, neighbourAnswer].filter(
        (w): w is string => typeof w === "string" && w !== answer,
      );
      keys.push({
        capability: "translation",
        prompt: `Translate into ${language}: "${english}". Answer with the translation only.`,
        answer,
        wrongAnswers: [...new Set(wrongAnswers)],
      });
    }
  });
  return keys;
}

/** Every built-in key, in a fixed order; the built-in capability suites' keyed items come last. */
export function generateBuiltinAnswerKeys(): AnswerKey[] {
  return [
    ...mathKeys(),
    ...sentimentKeys(),
    ...topicKeys(),
    ...capitalKeys(),
    ...elementKeys(),
    ...translationKeys(),
    ...suiteAnswerKeys(),
  ];
}

/** The book the simulated provider and discovery share; capability suites register their own keys into it. */
export const builtinAnswerKeys = new AnswerKeyBook();
builtinAnswerKeys.registerAll(generateBuiltinAnswerKeys());

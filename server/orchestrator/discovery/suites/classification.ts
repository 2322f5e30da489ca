import { keyed, others, type BuiltinEntry } from "./build";

/**
 * classification: four label sets, each item with one clearly right label (no sarcasm, no mixed cases).
 * The answer-key book already holds review sentiment and headline topics; these are new tasks. Labels do
 * not contain one another, so the label grader's whole-word matching cannot confuse them.
 */

interface LabelTask {
  family: string;
  labels: readonly string[];
  instruction: string;
  field: string;
  items: ReadonlyArray<[text: string, label: string]>;
}

const TASKS: readonly LabelTask[] = [
  {
    family: "language",
    labels: ["English", "French", "Spanish", "German", "Italian", "Portuguese"],
    instruction: "Identify the language of this sentence. Choose one of: English, French, Spanish, German, Italian, Portuguese.",
    field: "Sentence",
    items: [
      ["The weather is lovely today and the children are playing outside.", "English"],
      ["Je voudrais un café et un croissant, s'il vous plaît.", "French"],
      ["¿Dónde está la estación de tren más cercana?", "Spanish"],
      ["Ich habe heute keine Zeit, weil ich arbeiten muss.", "German"],
      ["Vorrei prenotare un tavolo per due persone stasera.", "Italian"],
      ["Eu gosto muito de ler livros no fim de semana.", "Portuguese"],
      ["Nous sommes allés à la plage avec nos amis hier.", "French"],
      ["Mi hermana trabaja en un hospital en Madrid.", "Spanish"],
      ["Der Zug nach Berlin fährt um acht Uhr ab.", "German"],
      ["La pizza che abbiamo mangiato ieri era buonissima.", "Italian"],
      ["Obrigado pela ajuda, você foi muito gentil.", "Portuguese"],
      ["Could you please send me the report by Friday?", "English"],
    ],
  },
  {
    family: "animal",
    labels: ["mammal", "bird", "reptile", "amphibian", "fish"],
    instruction: "Classify this animal into its vertebrate class. Choose one of: mammal, bird, reptile, amphibian, fish.",
    field: "Animal",
    items: [
      ["dolphin", "mammal"],
      ["penguin", "bird"],
      ["salmon", "fish"],
      ["frog", "amphibian"],
      ["crocodile", "reptile"],
      ["bat", "mammal"],
      ["eagle", "bird"],
      ["cobra", "reptile"],
      ["great white shark", "fish"],
      ["salamander", "amphibian"],
      ["sea turtle", "reptile"],
      ["ostrich", "bird"],
      ["blue whale", "mammal"],
      ["toad", "amphibian"],
      ["tuna", "fish"],
    ],
  },
  {
    family: "spam",
    labels: ["spam", "legitimate"],
    instruction: "Classify this message as spam or legitimate.",
    field: "Message",
    items: [
      ["CONGRATULATIONS!!! You have won a $1,000,000 prize. Click this link and enter your bank details to claim it now!", "spam"],
      ["Hi Maria, the team meeting has moved to 3 pm tomorrow in room 204. See you there.", "legitimate"],
      ["Earn $5000 a week from home with no experience! Limited offer, reply with your credit card number today.", "spam"],
      ["Your order #48213 has shipped and should arrive on Thursday. You can track it in your account.", "legitimate"],
      ["URGENT: your account will be deleted in 24 hours unless you verify your password at this link.", "spam"],
      ["Thanks for lending me your book last week. I'll bring it back on Saturday.", "legitimate"],
      ["Cheap watches!!! 90% off luxury brands, buy now, no questions asked!!!", "spam"],
      ["Reminder: your dentist appointment is on Monday at 10:30. Call us if you need to reschedule.", "legitimate"],
      ["You have been selected for a free cruise! Just pay a small processing fee by wire transfer.", "spam"],
      ["The quarterly report draft is attached. Please add your comments by Wednesday.", "legitimate"],
    ],
  },
  {
    family: "ticket",
    labels: ["billing", "technical", "shipping"],
    instruction: "Route this customer support ticket to a team. Choose one of: billing, technical, shipping.",
    field: "Ticket",
    items: [
      ["I was charged twice for my subscription this month. Please refund the extra payment.", "billing"],
      ["The app crashes every time I try to open the settings page.", "technical"],
      ["My parcel was supposed to arrive last week and the tracking number shows no updates.", "shipping"],
      ["Can you send me an invoice with my company's VAT number on it?", "billing"],
      ["I can't log in: the password reset email never arrives and the page shows error 500.", "technical"],
      ["The package arrived but the box was crushed during delivery. Can you send a replacement by courier?", "shipping"],
      ["Why did my monthly price go up from 10 to 15 euros without notice?", "billing"],
      ["After the latest update, the sync between my phone and laptop stopped working.", "technical"],
      ["Can I change the delivery address for the order I placed yesterday? It hasn't been dispatched yet.", "shipping"],
    ],
  },
];

export function classificationEntries(): BuiltinEntry[] {
  return TASKS.flatMap((task) =>
    task.items.map(([text, label], i) =>
      keyed(
        "classification",
        task.family,
        i,
        `${task.instruction} Answer with the label only.\n${task.field}: "${text}"`,
        { kind: "label", labels: [...task.labels] },
        label,
        others(task.labels, label),
      ),
    ),
  );
}

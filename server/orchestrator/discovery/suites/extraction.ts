import type { JsonValue } from "../suite-types";
import { unkeyed, type BuiltinEntry } from "./build";

/**
 * extraction: pull named fields out of a short text into JSON. Four generated families (people, orders,
 * events, contacts); each text is built from the same values the grader expects, so the expected JSON is
 * right by construction. Several sentence shapes per family keep models from pattern-matching one form.
 */

type Fields = Record<string, { type: "string" | "integer" | "number" }>;

function entry(family: string, index: number, instruction: string, text: string, properties: Fields, expected: Record<string, JsonValue>): BuiltinEntry {
  return unkeyed("extraction", family, index, `${instruction}\nText: "${text}"`, {
    kind: "json",
    schema: { properties, required: Object.keys(properties) },
    expected,
  });
}

const PEOPLE: ReadonlyArray<[string, number, string]> = [
  ["Laura Chen", 34, "Denver"], ["Omar Haddad", 27, "Lyon"], ["Sofia Rossi", 45, "Turin"], ["Kenji Watanabe", 52, "Osaka"],
  ["Amara Okafor", 29, "Lagos"], ["Lucas Silva", 38, "Porto"], ["Hannah Müller", 23, "Hamburg"], ["Diego Fernández", 61, "Seville"],
  ["Priya Nair", 31, "Chennai"], ["Erik Lindqvist", 47, "Uppsala"], ["Chloé Martin", 19, "Nantes"], ["Samuel Cohen", 56, "Haifa"],
  ["Aisha Rahman", 42, "Dhaka"], ["Tomás Novak", 36, "Brno"],
];
const PERSON_SHAPES: ReadonlyArray<(n: string, a: number, c: string) => string> = [
  (n, a, c) => `My name is ${n}, I am ${a} years old and I live in ${c}.`,
  (n, a, c) => `${n} (${a}) moved to ${c} last spring to start a new job.`,
  (n, a, c) => `Meet ${n}: ${a} years old, born and raised in ${c}, and a keen cyclist.`,
  (n, a, c) => `After years abroad, ${n} now lives in ${c} and turned ${a} this year.`,
];
const PERSON_FIELDS: Fields = { name: { type: "string" }, age: { type: "integer" }, city: { type: "string" } };

const ORDERS: ReadonlyArray<[string, number, number]> = [
  ["wireless mouse", 3, 24.99], ["desk lamp", 2, 39.5], ["notebook", 10, 2.75], ["coffee grinder", 1, 89], ["yoga mat", 4, 19.95],
  ["USB cable", 6, 7.25], ["water bottle", 5, 12.4], ["office chair", 2, 149], ["bicycle helmet", 1, 54.9], ["phone case", 3, 15],
  ["paint brush set", 7, 8.6], ["frying pan", 2, 32.75], ["backpack", 1, 64.99], ["tea kettle", 3, 27.3],
];
const ORDER_SHAPES: ReadonlyArray<(p: string, q: number, price: string) => string> = [
  (p, q, price) => `Please send ${q} x ${p} at $${price} each to our office.`,
  (p, q, price) => `Order note: customer wants ${q} units of the ${p}; unit price $${price}.`,
  (p, q, price) => `Could I order ${q} × ${p}? Your catalogue lists it at $${price} per item.`,
];
const ORDER_FIELDS: Fields = { product: { type: "string" }, quantity: { type: "integer" }, unit_price: { type: "number" } };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const EVENTS: ReadonlyArray<[string, string, number, number, number]> = [
  ["science fair", "Boston", 2025, 3, 14], ["jazz festival", "Montreal", 2025, 7, 2], ["book launch", "Edinburgh", 2024, 11, 20],
  ["marathon", "Rotterdam", 2025, 4, 6], ["robotics workshop", "Eindhoven", 2024, 9, 18], ["wine tasting", "Bordeaux", 2025, 10, 4],
  ["chess tournament", "Reykjavik", 2025, 1, 25], ["film premiere", "Venice", 2024, 8, 30], ["charity gala", "Toronto", 2025, 12, 6],
  ["developer conference", "Berlin", 2025, 5, 21], ["flower show", "Philadelphia", 2025, 3, 1], ["food market", "Valencia", 2024, 6, 8],
  ["photography exhibition", "Kyoto", 2025, 2, 11], ["startup pitch night", "Nairobi", 2024, 10, 15],
];
const EVENT_SHAPES: ReadonlyArray<(e: string, c: string, date: string) => string> = [
  (e, c, date) => `The ${e} will take place in ${c} on ${date}. Tickets go on sale next week.`,
  (e, c, date) => `Save the date: ${date}, ${c}, our ${e}!`,
];
const EVENT_FIELDS: Fields = { event: { type: "string" }, city: { type: "string" }, date: { type: "string" } };

const CONTACTS: ReadonlyArray<[string, string, string]> = [
  ["Nadia Petrova", "nadia.petrova@example.com", "+44 20 7946 0958"], ["Ravi Kumar", "ravi.k@example.org", "+91 98765 43210"],
  ["Julia Santos", "jsantos@example.net", "+55 11 91234 5678"], ["Mark Evans", "mark.evans@example.com", "+1 415 555 0199"],
  ["Yuki Tanaka", "yuki.tanaka@example.jp", "+81 3 1234 5678"], ["Lena Schmidt", "lena@example.de", "+49 30 123456"],
];
const CONTACT_FIELDS: Fields = { name: { type: "string" }, email: { type: "string" }, phone: { type: "string" } };

const pick = <T>(list: readonly T[], i: number): T => {
  const value = list[i % list.length];
  if (value === undefined) throw new Error("empty list");
  return value;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

const INSTRUCTIONS = {
  person: 'Extract the person\'s name, age and city from the text. Reply with a JSON object with the keys "name" (string), "age" (integer) and "city" (string).',
  order:
    'Extract the order from the text. Reply with a JSON object with the keys "product" (string, singular, without quantity), ' +
    '"quantity" (integer) and "unit_price" (number, in dollars, without a currency sign).',
  event:
    'Extract the event from the text. Reply with a JSON object with the keys "event" (string, the event\'s name without "the"), ' +
    '"city" (string) and "date" (string, in YYYY-MM-DD format).',
  contact: 'Extract the contact details from the email signature. Reply with a JSON object with the keys "name", "email" and "phone" (all strings, copied exactly).',
} as const;

export function extractionEntries(): BuiltinEntry[] {
  const people = PEOPLE.map(([name, age, city], i) =>
    entry("person", i, INSTRUCTIONS.person, pick(PERSON_SHAPES, i)(name, age, city), PERSON_FIELDS, { name, age, city }),
  );
  const orders = ORDERS.map(([product, quantity, price], i) =>
    entry("order", i, INSTRUCTIONS.order, pick(ORDER_SHAPES, i)(product, quantity, price.toFixed(2)), ORDER_FIELDS, { product, quantity, unit_price: price }),
  );
  const events = EVENTS.map(([event, city, y, m, d], i) => {
    const text = pick(EVENT_SHAPES, i)(event, city, `${pick(MONTHS, m - 1)} ${d}, ${y}`);
    return entry("event", i, INSTRUCTIONS.event, text, EVENT_FIELDS, { event, city, date: iso(y, m, d) });
  });
  const contacts = CONTACTS.map(([name, email, phone], i) =>
    entry("contact", i, INSTRUCTIONS.contact, `Best regards,\n${name}\nEmail: ${email} | Tel: ${phone}`, CONTACT_FIELDS, { name, email, phone }),
  );
  return [...people, ...orders, ...events, ...contacts];
}

import type { Capability } from "@/server/orchestrator/spec";

/** What each capability id means, in one line, for the capabilities page and tooltips. */
export const CAPABILITY_DESCRIPTIONS: Record<Capability, string> = {
  math: "Arithmetic and word problems with a single numeric answer.",
  code: "Writing correct functions and programs; graded by running them against test cases.",
  reasoning: "Logic puzzles and multi-step deduction where each step must hold.",
  knowledge: "Factual recall: people, places, dates, science and definitions.",
  writing: "Clear, well-structured prose: emails, stories, explanations, rewrites.",
  roleplay: "Staying in character and voice across a conversation.",
  extraction: "Pulling fields out of unstructured text into JSON.",
  summarization: "Condensing a text to its key points without adding or losing facts.",
  translation: "Rendering text in another language faithfully and idiomatically.",
  classification: "Choosing the right label from a fixed set (sentiment, topic, intent, spam).",
  brainstorming: "Producing several distinct, relevant ideas on request.",
  chat: "Everyday conversation: helpful, polite, on-topic replies.",
};

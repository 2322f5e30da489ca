import { normalisePrompt, type AnswerKeyBook, type AnswerKeyMatch } from "@/server/orchestrator/discovery/answer-keys";
import { estimateTokens } from "@/server/orchestrator/communication/tokens";
import { DEFAULT_SIMULATED_SKILL, type Capability, type ChatMessage, type FinishReason, type SimulatedConfig } from "@/server/orchestrator/spec";
import { hashPick, hashUnit } from "./random";
import { parseVerifierRequest, verifierVerdict } from "./verdicts";

/** What a simulated model says, and the ground truth only the simulator-aware grader may read. */
export interface SimulatedReply {
  text: string;
  finishReason: FinishReason;
  truth: { correct: boolean; capability: Capability };
}

type ReplyFormat = "json" | "code" | "short-answer" | "list" | "text";

/** Fixed salt for draws that must agree across models (the right answer), independent of any seed. */
const SHARED_SEED = 0x5eed;

export function skillOf(config: SimulatedConfig, capability: Capability): number {
  return config.skills[capability] ?? DEFAULT_SIMULATED_SKILL;
}

/**
 * Whether the model gets this prompt right: a pure function of (seed, prompt text), so asking the same
 * question again, or retrying after a fault, never changes the verdict.
 */
export function isCorrect(config: SimulatedConfig, capability: Capability, normalisedPrompt: string): boolean {
  return hashUnit(config.seed, `verdict\u0000${normalisedPrompt}`) < skillOf(config, capability);
}

function lastUserText(messages: readonly ChatMessage[]): string {
  return [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
}

/** The keyed question in the conversation: the last user message, else any user message, else all of them. */
function findKey(messages: readonly ChatMessage[], book: AnswerKeyBook): { prompt: string; key: AnswerKeyMatch } | undefined {
  const userTexts = messages.filter((m) => m.role === "user").map((m) => m.content);
  const candidates = [lastUserText(messages), ...userTexts.reverse(), userTexts.join("\n")];
  for (const prompt of candidates) {
    const key = prompt ? book.lookup(prompt) : undefined;
    if (key) return { prompt, key };
  }
  return undefined;
}

/** Reads the format the orchestrator asked for from its instructions (see chains/prompts.ts), else guesses. */
function requestedFormat(messages: readonly ChatMessage[], capability: Capability): ReplyFormat {
  const instructions = messages.map((m) => m.content).join("\n");
  if (/valid JSON|\bJSON only\b|respond in JSON/i.test(instructions)) return "json";
  if (/fenced code block/i.test(instructions)) return "code";
  if (/Answer: <answer>/i.test(instructions)) return "short-answer";
  if (capability === "code") return "code";
  if (capability === "brainstorming" || /\b(list|bullet points?)\b/i.test(lastUserText(messages))) return "list";
  return "text";
}

function renderAnswer(answer: string, format: ReplyFormat): string {
  switch (format) {
    case "json":
      return JSON.stringify({ answer });
    case "short-answer":
      return `Answer: ${answer}`;
    default:
      return answer;
  }
}

/** A keyed question: the exact answer with the skill's probability, otherwise one of its plausible wrong ones. */
function keyedReply(config: SimulatedConfig, prompt: string, key: AnswerKeyMatch, format: ReplyFormat): SimulatedReply {
  const normalised = normalisePrompt(prompt);
  const correct = isCorrect(config, key.capability, normalised);
  const answer = correct ? key.answer : hashPick(config.seed, `wrong\u0000${normalised}`, key.wrongAnswers);
  return { text: renderAnswer(answer, format), finishReason: "stop", truth: { correct, capability: key.capability } };
}

// --- templated replies ------------------------------------------------------------------------------------

const LEADS: Record<Capability, readonly string[]> = {
  math: ["Let me work through the math for {topic}.", "Here is the calculation for {topic}, step by step."],
  code: ["Here is an implementation for {topic}.", "This code handles {topic}."],
  reasoning: ["Let me reason about {topic} carefully.", "Thinking through {topic} one step at a time:"],
  knowledge: ["Here is what is known about {topic}.", "On {topic}, the established facts are these."],
  writing: ["Here is a draft for {topic}.", "A piece on {topic}:"],
  roleplay: ["*stays in character* Ah, {topic}, you say?", "Speaking as requested, about {topic}:"],
  extraction: ["Here are the fields extracted from {topic}.", "Extracted from {topic}:"],
  summarization: ["In summary, {topic} comes down to a few points.", "Summary of {topic}:"],
  translation: ["Here is the translation of {topic}.", "Translated, {topic} reads as follows."],
  classification: ["Classifying {topic}:", "The best label for {topic} follows from its wording."],
  brainstorming: ["Some ideas for {topic}:", "Here are a few directions for {topic}."],
  chat: ["Happy to help with {topic}.", "Sure, let's talk about {topic}."],
};

const BODIES: readonly string[] = [
  "The key consideration is to keep the main goal in view and check each assumption against it.",
  "Breaking it into smaller parts makes each part easier to verify on its own.",
  "There are a couple of trade-offs, and the simplest option that meets the requirements is usually best.",
  "The details matter here, so each step below builds on the previous one.",
  "A good first pass covers the essentials; refinements can follow once the basics are settled.",
  "Looking at it from the reader's side helps decide what to include and what to leave out.",
];

const CLOSINGS: readonly string[] = [
  "Let me know if you would like more detail on any part.",
  "I hope this helps; I can expand on any step.",
  "That should cover it.",
];

const LIST_ITEMS: readonly string[] = [
  "Start from the simplest version of {topic} and iterate",
  "Ask the people most affected by {topic} what they need",
  "Combine {topic} with an existing, proven approach",
  "Set a small, measurable goal for {topic}",
  "Look at how others solved problems like {topic}",
  "Remove one constraint from {topic} and see what changes",
];

const CODE_SNIPPETS: readonly string[] = [
  "```python\ndef solve(items):\n    result = []\n    for item in items:\n        if item is not None:\n            result.append(item)\n    return result\n```",
  "```typescript\nexport function solve(items: number[]): number {\n  return items.reduce((sum, value) => sum + value, 0);\n}\n```",
  "```javascript\nfunction solve(text) {\n  const counts = {};\n  for (const word of text.split(/\\s+/)) counts[word] = (counts[word] ?? 0) + 1;\n  return counts;\n}\n```",
];

const WORD_ANSWERS: readonly string[] = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];

/** The gist of the request, short enough to quote back in a sentence. */
function topicOf(prompt: string): string {
  const firstLine = prompt.split("\n").find((line) => line.trim() !== "") ?? "";
  const words = firstLine.replace(/["“”]/g, "").trim().split(/\s+/).slice(0, 10).join(" ");
  const topic = words.replace(/[.?!:;,]+$/, "");
  return topic === "" ? "your request" : `"${topic}"`;
}

/**
 * The core answer of a templated reply, for formats that extract one (short-answer, JSON): every model that
 * is right gives the same value (drawn from the prompt alone), a wrong one a different, seed-drawn value, so
 * votes and cascade agreement behave as they would with real models.
 */
function coreAnswer(config: SimulatedConfig, normalised: string, capability: Capability, correct: boolean): string {
  const numeric = capability === "math" || capability === "reasoning";
  const options = numeric ? Array.from({ length: 900 }, (_, i) => String(100 + i)) : WORD_ANSWERS;
  const rightIndex = Math.floor(hashUnit(SHARED_SEED, `answer\u0000${normalised}`) * options.length);
  if (correct) return options[rightIndex] ?? "alpha";
  const shift = 1 + Math.floor(hashUnit(config.seed, `wrong\u0000${normalised}`) * (options.length - 1));
  return options[(rightIndex + shift) % options.length] ?? "beta";
}

function templatedReply(config: SimulatedConfig, messages: readonly ChatMessage[], capability: Capability): SimulatedReply {
  const prompt = lastUserText(messages);
  const normalised = normalisePrompt(prompt);
  const correct = isCorrect(config, capability, normalised);
  const format = requestedFormat(messages, capability);
  const topic = topicOf(prompt);
  const pick = <T>(slot: string, options: readonly T[]) => hashPick(config.seed, `${slot}\u0000${normalised}`, options);
  const lead = pick("lead", LEADS[capability]).replace("{topic}", topic);
  const body = pick("body", BODIES);
  const closing = pick("closing", CLOSINGS);
  const core = coreAnswer(config, normalised, capability, correct);

  let text: string;
  switch (format) {
    case "json":
      text = JSON.stringify({ answer: core, capability, summary: `${lead} ${body}` });
      break;
    case "code":
      text = `${lead}\n\n${pick("code", CODE_SNIPPETS)}\n\n${closing}`;
      break;
    case "short-answer":
      text = `${lead} ${body}\nAnswer: ${core}`;
      break;
    case "list": {
      const start = Math.floor(hashUnit(config.seed, `list\u0000${normalised}`) * LIST_ITEMS.length);
      const items = [0, 1, 2, 3].map((i) => `- ${(LIST_ITEMS[(start + i) % LIST_ITEMS.length] ?? "").replace("{topic}", topic)}`);
      text = `${lead}\n\n${items.join("\n")}\n\n${closing}`;
      break;
    }
    case "text":
      text = `${lead} ${body} ${pick("body2", BODIES.filter((b) => b !== body))} ${closing}`;
      break;
  }
  return { text, finishReason: "stop", truth: { correct, capability } };
}

/** Cuts a reply at the output budget (about four characters a token), as a real model stops at max tokens. */
function withinBudget(reply: SimulatedReply, maxOutputTokens: number | undefined): SimulatedReply {
  if (maxOutputTokens === undefined || estimateTokens(reply.text) <= maxOutputTokens) return reply;
  return { ...reply, text: reply.text.slice(0, Math.max(1, maxOutputTokens * 4)), finishReason: "length" };
}

export function composeReply(input: {
  config: SimulatedConfig;
  messages: readonly ChatMessage[];
  capabilityHint?: Capability;
  maxOutputTokens?: number;
  answerKeys: AnswerKeyBook;
}): SimulatedReply {
  const verify = parseVerifierRequest(lastUserText(input.messages));
  if (verify) {
    const capability = input.capabilityHint ?? "chat";
    const verdict = verifierVerdict({
      config: input.config,
      request: verify,
      capability,
      skill: skillOf(input.config, capability),
      answerKeys: input.answerKeys,
      rightTemplatedAnswer: (normalised, cap) => coreAnswer(input.config, normalised, cap, true),
    });
    return { text: verdict.text, finishReason: "stop", truth: { correct: verdict.correct, capability: verdict.capability } };
  }
  const keyed = findKey(input.messages, input.answerKeys);
  const reply = keyed
    ? keyedReply(input.config, keyed.prompt, keyed.key, requestedFormat(input.messages, keyed.key.capability))
    : templatedReply(input.config, input.messages, input.capabilityHint ?? "chat");
  return withinBudget(reply, input.maxOutputTokens);
}

import { VERIFIER_QUESTION } from "@/server/orchestrator/chains/gates";
import { normalisePrompt, type AnswerKeyBook } from "@/server/orchestrator/discovery/answer-keys";
import type { Capability, SimulatedConfig } from "@/server/orchestrator/spec";
import { hashUnit } from "./random";

/** The verifier's request, as chains/gates.ts words it: the question, the proposed answer, then the question to judge. */
const VERIFY_PATTERN = /Question:\n([\s\S]*?)\n\nProposed answer:\n([\s\S]*?)\n\n/;

export interface VerifierRequest {
  question: string;
  proposed: string;
}

export function parseVerifierRequest(text: string): VerifierRequest | undefined {
  if (!text.includes(VERIFIER_QUESTION)) return undefined;
  const match = VERIFY_PATTERN.exec(text);
  return match?.[1] && match[2] !== undefined ? { question: match[1], proposed: match[2] } : undefined;
}

function mentions(text: string, answer: string): boolean {
  const escaped = answer.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return escaped !== "" && new RegExp(`(^|[^a-z0-9])${escaped}([^a-z0-9]|$)`).test(text.toLowerCase());
}

/**
 * A simulated verifier judges the proposed answer against the truth it can know (the answer key, or the
 * shared right answer of a templated reply) and is itself right with its skill's probability, so a weak
 * verifier lets wrong answers through and rejects right ones as a real one would.
 */
export function verifierVerdict(input: {
  config: SimulatedConfig;
  request: VerifierRequest;
  capability: Capability;
  skill: number;
  answerKeys: AnswerKeyBook;
  rightTemplatedAnswer: (normalisedQuestion: string, capability: Capability) => string;
}): { text: string; correct: boolean; capability: Capability } {
  const { request, answerKeys } = input;
  const key = answerKeys.lookup(request.question);
  const capability = key?.capability ?? input.capability;
  const normalised = normalisePrompt(request.question);
  const right = key ? key.answer : input.rightTemplatedAnswer(normalised, capability);
  const proposedIsRight = mentions(request.proposed, right);
  const judgedRight = hashUnit(input.config.seed, `verify\u0000${normalised}\u0000${request.proposed}`) < input.skill;
  const saysYes = judgedRight ? proposedIsRight : !proposedIsRight;
  return { text: saysYes ? "YES" : "NO", correct: judgedRight, capability };
}

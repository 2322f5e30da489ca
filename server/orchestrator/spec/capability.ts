import { z } from "zod";

/** The twelve capability ids. Every profile, analysis, test and chart uses exactly these. */
export const CAPABILITIES = [
  "math",
  "code",
  "reasoning",
  "knowledge",
  "writing",
  "roleplay",
  "extraction",
  "summarization",
  "translation",
  "classification",
  "brainstorming",
  "chat",
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export const capabilitySchema = z.enum(CAPABILITIES);

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}

/** A score with its evidence: a Beta(alpha, beta) posterior over the probability of success. */
export interface CapabilityScore {
  alpha: number;
  beta: number;
  /** posterior mean, alpha / (alpha + beta), unless overridden by hand */
  mean: number;
  source: "seed" | "discovered" | "learned" | "manual";
}

export type ModelCapabilities = Record<Capability, CapabilityScore>;

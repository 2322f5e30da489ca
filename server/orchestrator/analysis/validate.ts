import { z } from "zod";
import { CAPABILITIES, capabilitySchema, type Capability } from "../spec/capability";
import { OUTPUT_FORMATS, taskConstraintsSchema, type TaskRequirements } from "../spec/task";

/** Weights must sum to 1 within this tolerance. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

const weight = z.number().finite().min(0).max(1);
const capabilitiesSchema = z
  .object(Object.fromEntries(CAPABILITIES.map((c) => [c, weight])) as Record<Capability, typeof weight>)
  .strict();

const requirementsSchema = z
  .object({
    capabilities: capabilitiesSchema,
    primary: capabilitySchema,
    format: z.enum(OUTPUT_FORMATS),
    inputTokens: z.number().int().positive(),
    contextTokens: z.number().int().positive(),
    expectedOutputTokens: z.number().int().positive().optional(),
    constraints: taskConstraintsSchema,
    confidence: z.number().finite().min(0).max(1),
    evidence: z.array(z.object({ feature: z.string().min(1), detail: z.string(), weight: z.number().finite().optional() })),
  })
  .superRefine((req, ctx) => {
    const weights = CAPABILITIES.map((c) => req.capabilities[c]);
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) ctx.addIssue({ code: "custom", path: ["capabilities"], message: `weights sum to ${sum}, not 1` });
    const top = Math.max(...weights);
    if (req.capabilities[req.primary] < top) ctx.addIssue({ code: "custom", path: ["primary"], message: `${req.primary} does not have the top weight` });
    if (req.contextTokens < req.inputTokens) ctx.addIssue({ code: "custom", path: ["contextTokens"], message: "context is smaller than the input" });
    if (req.expectedOutputTokens !== undefined && req.expectedOutputTokens > req.contextTokens) {
      ctx.addIssue({ code: "custom", path: ["expectedOutputTokens"], message: "expected output exceeds the context" });
    }
  });

/** Every reason a requirements object is unusable, as "path: message" lines; empty when valid. */
export function requirementProblems(requirements: unknown): string[] {
  const result = requirementsSchema.safeParse(requirements);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

/**
 * TaskAnalyzer.validateRequirements: weights over exactly the twelve capabilities, each in [0, 1],
 * summing to 1 (±1e-6); the primary holds the top weight; a known format; positive integer token
 * counts with context ≥ input (and ≥ the expected output, when given); valid constraints; confidence in [0, 1]; well-formed evidence.
 * Takes the declared type but checks defensively: requirements also arrive from stored events.
 */
export function validateRequirements(requirements: TaskRequirements): boolean {
  return requirementProblems(requirements).length === 0;
}

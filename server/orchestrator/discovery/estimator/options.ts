import { z } from "zod";
import { InvalidInputError } from "../../errors";

/**
 * Defaults, tuned with figures.test.ts (simulated-like models with hidden skills; the README has the grid).
 * A 90% interval at most 0.2 wide is what tells apart models 0.15 apart ≥ 95% of the time; it takes ~20
 * probes at a skill of 0.95 but ~68 at 0.5. The budget of 40 graded probes per capability (on average) is
 * shared greedily, most uncertain first, so mid-range skills get up to 80 and near-certain ones stop early.
 * At least 20 each: below that the uniform prior still pulls a 0.95 model's mean down by ~0.03.
 */
export const DISCOVERY_DEFAULTS = {
  targetWidth: 0.2,
  minProbesPerCapability: 20,
  maxProbesPerCapability: 80,
  /** graded probes for the whole run = this × the number of capabilities, unless budgetProbes is given */
  budgetProbesPerCapability: 40,
  maxConsecutiveErrors: 5,
  concurrency: 1,
  /** the longest a 429's Retry-After is honoured; a provider asking for more is as good as down */
  maxRetryWaitMs: 60_000,
  /**
   * Beta(1, 1), the uniform prior. Chosen over Jeffreys' Beta(½, ½) on the figures (12 seeds × 100 models
   * × 12 capabilities, default limits): the uniform prior's 90% intervals held the true skill 90.4% of the
   * time (worst seed 89.0%), Jeffreys' 88.7% (worst 86.3%), and its mean absolute error was lower too
   * (0.054 vs 0.056). Jeffreys puts its mass near 0 and 1, so a run of early passes on a mid-skill model
   * looks like certainty sooner than the evidence warrants.
   */
  prior: { alpha: 1, beta: 1 },
} as const;

const positiveInt = z.number().int().positive();

export const discoveryLimitsSchema = z
  .object({
    targetWidth: z.number().gt(0).lte(1).default(DISCOVERY_DEFAULTS.targetWidth),
    minProbesPerCapability: z.number().int().nonnegative().default(DISCOVERY_DEFAULTS.minProbesPerCapability),
    maxProbesPerCapability: positiveInt.default(DISCOVERY_DEFAULTS.maxProbesPerCapability),
    /** graded probes for the whole run; Infinity lets only the per-capability caps bound it */
    budgetProbes: z.union([positiveInt, z.literal(Number.POSITIVE_INFINITY)]).optional(),
    maxConsecutiveErrors: positiveInt.default(DISCOVERY_DEFAULTS.maxConsecutiveErrors),
    concurrency: positiveInt.max(64).default(DISCOVERY_DEFAULTS.concurrency),
    maxRetryWaitMs: z.number().nonnegative().default(DISCOVERY_DEFAULTS.maxRetryWaitMs),
    prior: z
      .object({ alpha: z.number().positive().finite(), beta: z.number().positive().finite() })
      .default({ ...DISCOVERY_DEFAULTS.prior }),
  })
  .refine((l) => l.minProbesPerCapability <= l.maxProbesPerCapability, {
    message: "minProbesPerCapability must not exceed maxProbesPerCapability",
    path: ["minProbesPerCapability"],
  });

export type DiscoveryLimitsInput = z.input<typeof discoveryLimitsSchema>;
export type DiscoveryLimits = Omit<z.output<typeof discoveryLimitsSchema>, "budgetProbes"> & { budgetProbes: number };

/**
 * Parses the numeric knobs; a bad one is the caller's error (InvalidInputError naming the field). The
 * default budget scales with the number of capabilities being discovered.
 */
export function resolveLimits(input: DiscoveryLimitsInput, capabilityCount: number): DiscoveryLimits {
  const parsed = discoveryLimitsSchema.safeParse(input);
  if (parsed.success) {
    const budgetProbes = parsed.data.budgetProbes ?? DISCOVERY_DEFAULTS.budgetProbesPerCapability * capabilityCount;
    return { ...parsed.data, budgetProbes };
  }
  const issue = parsed.error.issues[0];
  throw new InvalidInputError(`discovery.${issue?.path.join(".") ?? "options"}`, issue?.message ?? "invalid");
}
